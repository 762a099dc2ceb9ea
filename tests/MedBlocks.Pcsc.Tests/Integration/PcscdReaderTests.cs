using MedBlocks.Pcsc.Monitoring;
using MedBlocks.Pcsc.Tests.TestDoubles;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Vpcd;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Pcsc.Tests.Integration;

/// <summary>The binding, monitor and vpcd bridge against the real pcscd with its two virtual readers.</summary>
[Collection(PcscdTestGroup.Name)]
public sealed class PcscdReaderTests(PcscdFixture pcscd) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(5);
    private static readonly byte[] UidA = [0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66];
    private static readonly byte[] UidB = [0x04, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44];

    private readonly ReaderMonitor monitor = new();
    private readonly List<VpcdCardBridge> bridges = [];
    private EventStream<ReaderEvent> events = null!;

    public async Task InitializeAsync()
    {
        events = new EventStream<ReaderEvent>(monitor.ReadEventsAsync());
        monitor.Start();
        await events.WaitForAsync(ReaderEventKind.ReaderAttached, PcscdFixture.Slot0Reader, EventTimeout);
        await events.WaitForAsync(ReaderEventKind.ReaderAttached, PcscdFixture.Slot1Reader, EventTimeout);
    }

    public async Task DisposeAsync()
    {
        foreach (var bridge in bridges)
        {
            await bridge.DisposeAsync();
        }

        monitor.Dispose();
        await events.DisposeAsync();
        await VirtualSlots.WaitUntilEmptyAsync();
    }

    public void Dispose() => monitor.Dispose();

    /// <summary>Puts a card model into a slot and waits until pcscd reports it present.</summary>
    private async Task<VpcdCardBridge> InsertAsync(IContactlessCard card, int slot)
    {
        var bridge = new VpcdCardBridge(card, slot);
        bridges.Add(bridge);
        await bridge.InsertAsync();
        var reader = slot == 0 ? PcscdFixture.Slot0Reader : PcscdFixture.Slot1Reader;
        await events.WaitForAsync(ReaderEventKind.CardInserted, reader, EventTimeout);
        return bridge;
    }

    [Fact]
    public void ListReaders_VpcdConfigured_ListsBothVirtualReaders()
    {
        using var context = PcscContext.Establish();

        var readers = context.ListReaders();

        Assert.Contains(PcscdFixture.Slot0Reader, readers);
        Assert.Contains(PcscdFixture.Slot1Reader, readers);
    }

    [Fact]
    public async Task Monitor_CardInsertedAndRemoved_ReportsAtrThenRemoval()
    {
        var card = new FixedTestCard(UidA);
        var bridge = new VpcdCardBridge(card, slot: 0);
        bridges.Add(bridge);

        await bridge.InsertAsync();
        var inserted = await events.WaitForAsync(ReaderEventKind.CardInserted, PcscdFixture.Slot0Reader, EventTimeout);
        await bridge.RemoveAsync();
        await events.WaitForAsync(ReaderEventKind.CardRemoved, PcscdFixture.Slot0Reader, EventTimeout);

        Assert.Equal([0x3B, 0x81, 0x80, 0x01, 0x80, 0x80], inserted.Atr.ToArray());
    }

    [Fact]
    public async Task Transmit_ThroughPcscd_ReturnsTheCardsAnswers()
    {
        await InsertAsync(new FixedTestCard(UidA), slot: 0);
        await using var connection = PcscCardConnection.Open(PcscdFixture.Slot0Reader);

        var uid = await connection.ReadUidAsync();
        var echo = await connection.TransmitAsync(new byte[] { 0x00, 0xEE, 0x00, 0x00, 0x04, 0xDE, 0xAD, 0xBE, 0xEF });
        var unknown = await connection.TransmitAsync(new byte[] { 0x00, 0x42, 0x00, 0x00 });
        var status = connection.Card.GetStatus();

        Assert.Equal(UidA, uid);
        Assert.Equal([0xDE, 0xAD, 0xBE, 0xEF, 0x90, 0x00], echo);
        Assert.Equal([0x6D, 0x00], unknown);
        Assert.Equal(PcscdFixture.Slot0Reader, status.ReaderName);
        Assert.Equal([0x3B, 0x81, 0x80, 0x01, 0x80, 0x80], status.Atr.ToArray());
        Assert.NotEqual(PcscProtocols.None, status.Protocol);
    }

    [Fact]
    public async Task RunInTransaction_ThroughPcscd_SendsBothApdus()
    {
        var card = new FixedTestCard(UidA);
        await InsertAsync(card, slot: 1);
        await using var connection = PcscCardConnection.Open(PcscdFixture.Slot1Reader);
        var before = card.ApduCount;

        var answers = await connection.RunInTransactionAsync(async (c, ct) =>
            new[] { await c.TransmitAsync(new byte[] { 0x00, 0xEE, 0x00, 0x00, 0x01, 0x01 }, ct), await c.TransmitAsync(new byte[] { 0x00, 0xEE, 0x00, 0x00, 0x01, 0x02 }, ct) });

        Assert.Equal([0x01, 0x90, 0x00], answers[0]);
        Assert.Equal([0x02, 0x90, 0x00], answers[1]);
        Assert.Equal(before + 2, card.ApduCount);
    }

    [Fact]
    public async Task Transmit_CardRemovedMidSession_ThrowsCardRemoved()
    {
        var bridge = await InsertAsync(new FixedTestCard(UidA), slot: 0);
        await using var connection = PcscCardConnection.Open(PcscdFixture.Slot0Reader);
        Assert.Equal(UidA, await connection.ReadUidAsync());

        await bridge.RemoveAsync();
        await events.WaitForAsync(ReaderEventKind.CardRemoved, PcscdFixture.Slot0Reader, EventTimeout);
        var ex = await Assert.ThrowsAsync<CardRemovedException>(async () => await connection.TransmitAsync(new byte[] { 0x00, 0xEE, 0x00, 0x00, 0x01, 0x01 }));

        Assert.Equal($"The card was removed from '{PcscdFixture.Slot0Reader}' during the exchange; tap the card again.", ex.Message);
    }

    [Fact]
    public async Task Transmit_AnotherApplicationResetTheCard_ReconnectsAndThrowsCardResetThenWorks()
    {
        var card = new FixedTestCard(UidA);
        await InsertAsync(card, slot: 0);
        await using var connection = PcscCardConnection.Open(PcscdFixture.Slot0Reader);
        Assert.Equal(UidA, await connection.ReadUidAsync());
        var powerOnsBefore = card.PowerOns;

        using (var other = PcscContext.Establish())
        using (var otherCard = other.Connect(PcscdFixture.Slot0Reader))
        {
            otherCard.Reconnect(PcscDisposition.Reset);
        }

        var ex = await Assert.ThrowsAsync<PcscCardResetException>(async () => await connection.TransmitAsync(new byte[] { 0x00, 0xEE, 0x00, 0x00, 0x01, 0x01 }));
        var after = await connection.TransmitAsync(new byte[] { 0x00, 0xEE, 0x00, 0x00, 0x01, 0x07 });

        Assert.Equal("SCARD_W_RESET_CARD", Assert.IsType<PcscCardResetException>(ex.InnerException).CodeName);
        Assert.Equal([0x07, 0x90, 0x00], after);
        Assert.True(card.PowerOns > powerOnsBefore);
    }

    [Fact]
    public async Task TwoSlots_TwoCardsAtOnce_EachAnswersWithItsOwnUid()
    {
        await InsertAsync(new FixedTestCard(UidA), slot: 0);
        await InsertAsync(new FixedTestCard(UidB), slot: 1);
        await using var first = PcscCardConnection.Open(PcscdFixture.Slot0Reader);
        await using var second = PcscCardConnection.Open(PcscdFixture.Slot1Reader);

        var uids = await Task.WhenAll(first.ReadUidAsync().AsTask(), second.ReadUidAsync().AsTask());

        Assert.Equal(UidA, uids[0]);
        Assert.Equal(UidB, uids[1]);
    }

    [Fact]
    public async Task Monitor_PcscdKilledAndRestarted_RecoversAndReportsReadersAgain()
    {
        pcscd.Stop(brutally: true);
        await events.WaitForAsync(ReaderEventKind.ReaderDetached, PcscdFixture.Slot0Reader, EventTimeout);
        await events.WaitForAsync(ReaderEventKind.ReaderDetached, PcscdFixture.Slot1Reader, EventTimeout);
        Assert.False(monitor.IsServiceAvailable);

        pcscd.Start();
        await events.WaitForAsync(ReaderEventKind.ReaderAttached, PcscdFixture.Slot0Reader, TimeSpan.FromSeconds(10));
        await events.WaitForAsync(ReaderEventKind.ReaderAttached, PcscdFixture.Slot1Reader, EventTimeout);
        var card = new VpcdCardBridge(new FixedTestCard(UidA), slot: 1);
        bridges.Add(card);
        await card.InsertAsync();
        var inserted = await events.WaitForAsync(ReaderEventKind.CardInserted, PcscdFixture.Slot1Reader, EventTimeout);

        Assert.True(monitor.IsServiceAvailable);
        Assert.Equal([0x3B, 0x81, 0x80, 0x01, 0x80, 0x80], inserted.Atr.ToArray());
    }
}
