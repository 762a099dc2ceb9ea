using MedBlocks.Pcsc.Monitoring;
using MedBlocks.Pcsc.Tests.TestDoubles;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Transport;
using MedBlocks.Simulator.Vpcd;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Transport;
using HostKey = MedBlocks.SmartCards.Desfire.Crypto.DesfireKey;
using HostKeyType = MedBlocks.SmartCards.Desfire.Crypto.DesfireKeyType;
using HostCommMode = MedBlocks.SmartCards.Desfire.DesfireCommMode;

namespace MedBlocks.Pcsc.Tests.Integration;

/// <summary>The DESFire host protocol through pcscd and vpcd to the simulated card.</summary>
[Collection(PcscdTestGroup.Name)]
public sealed class DesfireThroughPcscdTests(PcscdFixture pcscd) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(5);
    private static readonly DesfireAid Application = new(0x4D4201);

    private readonly ReaderMonitor monitor = new();
    private readonly List<VpcdCardBridge> bridges = [];
    private EventStream<ReaderEvent> events = null!;

    public async Task InitializeAsync()
    {
        Assert.True(pcscd.Pid > 0);
        events = new EventStream<ReaderEvent>(monitor.ReadEventsAsync());
        monitor.Start();
        await events.WaitForAsync(ReaderEventKind.ReaderAttached, PcscdFixture.Slot0Reader, EventTimeout);
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

    [Fact]
    public async Task DesfireSession_AesAuthEncipheredWriteCommitRead_DataOnTheCard()
    {
        var card = new SimulatedDesfireCard(CardImage.NewBlank(DesfireStorageSize.FourKilobytes));
        var bridge = await InsertAsync(card);
        await using var connection = PcscCardConnection.Open(PcscdFixture.Slot0Reader);
        using var session = new DesfireSession(connection);
        using var appKey = HostKey.Aes(Enumerable.Range(0x30, 16).Select(i => (byte)i).ToArray());
        var data = Enumerable.Range(0, 700).Select(i => (byte)(i * 11)).ToArray();

        await PrepareApplicationAsync(session, appKey);
        await session.CreateBackupDataFileAsync(1, HostCommMode.Enciphered, new AccessRights(1, 1, 1, 0), 1024);
        await session.AuthenticateAsync(1, appKey);
        await session.WriteDataAsync(1, 100, data, HostCommMode.Enciphered);
        await session.CommitTransactionAsync();
        var read = await session.ReadDataAsync(1, 100, data.Length, HostCommMode.Enciphered);

        Assert.Equal(data, read);
        Assert.True(session.IsAuthenticated);
        Assert.True(bridge.IsInserted);

        // The committed content is in the card's state: a copy of its image reads the same in process.
        var copy = new SimulatedDesfireCard(CardImage.Deserialize(CardImage.Serialize(card.State)));
        using var direct = new DesfireSession(new SimulatedCardTransport(copy));
        await direct.SelectApplicationAsync(Application);
        await direct.AuthenticateAsync(1, appKey);
        Assert.Equal(data, await direct.ReadDataAsync(1, 100, data.Length, HostCommMode.Enciphered));
    }

    [Fact]
    public async Task DesfireSession_CardRemovedMidSession_CardRemovedException()
    {
        var card = new SimulatedDesfireCard(CardImage.NewBlank(DesfireStorageSize.FourKilobytes));
        var bridge = await InsertAsync(card);
        await using var connection = PcscCardConnection.Open(PcscdFixture.Slot0Reader);
        using var session = new DesfireSession(connection);
        using var appKey = HostKey.Aes(new byte[16]);
        await PrepareApplicationAsync(session, appKey);
        await session.CreateStdDataFileAsync(1, HostCommMode.Enciphered, new AccessRights(0, 0, 0, 0), 256);
        await session.AuthenticateAsync(0, appKey);

        await bridge.RemoveAsync();
        await events.WaitForAsync(ReaderEventKind.CardRemoved, PcscdFixture.Slot0Reader, EventTimeout);

        await Assert.ThrowsAsync<CardRemovedException>(() => session.WriteDataAsync(1, 0, new byte[200], HostCommMode.Enciphered));
        Assert.False(session.IsAuthenticated);
    }

    private static async Task PrepareApplicationAsync(DesfireSession session, HostKey appKey)
    {
        using (var factory = HostKey.FactoryDefault())
        {
            await session.AuthenticateAsync(0, factory);
        }

        await session.CreateApplicationAsync(Application, 0x0F, 2, HostKeyType.Aes);
        await session.SelectApplicationAsync(Application);
        using var zero = HostKey.Aes(new byte[16]);
        await session.AuthenticateAsync(0, zero);
        await session.ChangeKeyAsync(1, appKey, zero);
    }

    private async Task<VpcdCardBridge> InsertAsync(IContactlessCard card)
    {
        var bridge = new VpcdCardBridge(card, slot: 0);
        bridges.Add(bridge);
        await bridge.InsertAsync();
        await events.WaitForAsync(ReaderEventKind.CardInserted, PcscdFixture.Slot0Reader, EventTimeout);
        return bridge;
    }
}
