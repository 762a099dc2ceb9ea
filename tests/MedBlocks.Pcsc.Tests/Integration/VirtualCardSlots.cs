using MedBlocks.Pcsc.Monitoring;
using MedBlocks.Pcsc.Tests.TestDoubles;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Vpcd;

namespace MedBlocks.Pcsc.Tests.Integration;

/// <summary>
/// Simulated cards in pcscd's two virtual readers for one test: a reader monitor to wait on, the
/// vpcd bridges it opened, and on dispose every card taken out and pcscd seen to notice.
/// </summary>
internal sealed class VirtualCardSlots : IAsyncDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(5);

    private readonly ReaderMonitor monitor = new();
    private readonly List<VpcdCardBridge> bridges = [];
    private readonly EventStream<ReaderEvent> events;

    private VirtualCardSlots()
    {
        events = new EventStream<ReaderEvent>(monitor.ReadEventsAsync());
        monitor.Start();
    }

    public static string ReaderOf(int slot) => slot == 0 ? PcscdFixture.Slot0Reader : PcscdFixture.Slot1Reader;

    /// <summary>Starts the monitor and waits until pcscd lists the first virtual reader.</summary>
    public static async Task<VirtualCardSlots> OpenAsync()
    {
        var slots = new VirtualCardSlots();
        await slots.events.WaitForAsync(ReaderEventKind.ReaderAttached, PcscdFixture.Slot0Reader, EventTimeout);
        return slots;
    }

    /// <summary>Puts a card model into a slot and waits until pcscd reports it present.</summary>
    public async Task InsertAsync(IContactlessCard card, int slot)
    {
        var bridge = new VpcdCardBridge(card, slot);
        bridges.Add(bridge);
        await bridge.InsertAsync();
        await events.WaitForAsync(ReaderEventKind.CardInserted, ReaderOf(slot), EventTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bridge in bridges)
        {
            await bridge.DisposeAsync();
        }

        monitor.Dispose();
        await events.DisposeAsync();
        await VirtualSlots.WaitUntilEmptyAsync();
    }
}
