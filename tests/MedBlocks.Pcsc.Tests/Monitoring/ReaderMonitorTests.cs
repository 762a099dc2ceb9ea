using MedBlocks.Pcsc.Monitoring;
using MedBlocks.Pcsc.Tests.TestDoubles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MedBlocks.Pcsc.Tests.Monitoring;

public sealed class ReaderMonitorTests : IAsyncDisposable
{
    private const string A = "Virtual PCD 00 00";
    private const string B = "Virtual PCD 00 01";
    private static readonly int[] BackoffSeconds = [1, 2, 4, 8, 16, 30, 30];
    private static readonly byte[] DesfireAtr = [0x3B, 0x81, 0x80, 0x01, 0x80, 0x80];

    private readonly ScriptedPcscInterop interop = new() { Readers = [A, B] };
    private readonly RecordingLogger logger = new();
    private readonly List<TimeSpan> delays = [];
    private readonly ReaderMonitor monitor;
    private readonly EventStream<ReaderEvent> events;

    public ReaderMonitorTests()
    {
        monitor = new ReaderMonitor(interop, logger, new FakeTimeProvider(), (d, _) =>
        {
            lock (delays)
            {
                delays.Add(d);
            }

            return Task.CompletedTask;
        });
        events = new EventStream<ReaderEvent>(monitor.ReadEventsAsync());
    }

    /// <summary>A GetStatusChange answer: the named readers change, all others report what the caller believed.</summary>
    private static Func<PcscReaderState[], uint> Change(params (string Reader, ReaderStates State, byte[] Atr)[] changes) => states =>
    {
        foreach (var s in states)
        {
            var c = changes.FirstOrDefault(x => x.Reader == s.ReaderName);
            if (c.Reader is null)
            {
                s.EventState = s.CurrentState & ~ReaderStates.Changed;
                s.Atr = ReadOnlyMemory<byte>.Empty;
            }
            else
            {
                s.EventState = c.State | ReaderStates.Changed;
                s.Atr = c.Atr;
            }
        }

        return 0;
    };

    private static ReaderStates Counter(int n) => (ReaderStates)((uint)n << 16);

    private List<TimeSpan> Delays()
    {
        lock (delays)
        {
            return [.. delays];
        }
    }

    private static (ReaderEventKind, string) Kind(ReaderEvent e) => (e.Kind, e.ReaderName);

    [Fact]
    public async Task Start_TwoReadersOneCard_ReportsReadersThenCardWithAtr()
    {
        interop.ScriptStatusChange(Change((A, ReaderStates.Present | Counter(1), DesfireAtr), (B, ReaderStates.Empty, [])));
        monitor.Start();

        var seen = await events.TakeAsync(3);

        Assert.Equal([(ReaderEventKind.ReaderAttached, A), (ReaderEventKind.ReaderAttached, B), (ReaderEventKind.CardInserted, A)], seen.Select(Kind));
        Assert.Equal(DesfireAtr, seen[2].Atr.ToArray());
    }

    [Fact]
    public async Task Wait_AfterEvent_FeedsEventStateBackAsCurrentState()
    {
        var inserted = ReaderStates.Present | ReaderStates.Changed | Counter(1);
        interop.ScriptStatusChange(Change((A, ReaderStates.Present | Counter(1), DesfireAtr), (B, ReaderStates.Empty, [])));
        interop.ScriptStatusChange(Change((A, ReaderStates.Empty | Counter(2), [])));
        monitor.Start();

        var seen = await events.TakeAsync(4);
        await WaitForStatusCallsAsync(3);
        var calls = interop.StatusCallsSnapshot();

        Assert.Equal((ReaderEventKind.CardRemoved, A), Kind(seen[3]));
        Assert.Equal(ReaderStates.Unaware, calls[0][A]);
        Assert.Equal(inserted, calls[1][A]);
        Assert.Equal(ReaderStates.Empty | ReaderStates.Changed, calls[1][B]);
        Assert.Equal(ReaderStates.Empty | ReaderStates.Changed | Counter(2), calls[2][A]);
        Assert.Equal([PcscReaderState.PnpNotification, A, B], calls[0].Keys);
    }

    [Fact]
    public async Task Wait_CardSwappedBetweenWaits_ReportsRemovalThenNewInsertion()
    {
        byte[] otherAtr = [0x3B, 0x8F, 0x80, 0x01, 0x80, 0x4F];
        interop.ScriptStatusChange(Change((A, ReaderStates.Present | Counter(1), DesfireAtr)));
        interop.ScriptStatusChange(Change((A, ReaderStates.Present | Counter(3), otherAtr)));
        monitor.Start();

        var seen = await events.TakeAsync(5);

        Assert.Equal([(ReaderEventKind.CardRemoved, A), (ReaderEventKind.CardInserted, A)], seen.Skip(3).Select(Kind));
        Assert.Equal(otherAtr, seen[4].Atr.ToArray());
    }

    [Fact]
    public async Task PnpNotification_ReaderPlugged_ReportsItAttached()
    {
        interop.ScriptStatusChange(states =>
        {
            interop.Readers = [A, B, "USB Reader"];
            return Change((PcscReaderState.PnpNotification, (ReaderStates)0x30000, []))(states);
        });
        monitor.Start();

        var seen = await events.TakeAsync(3);

        Assert.Equal((ReaderEventKind.ReaderAttached, "USB Reader"), Kind(seen[2]));
        await WaitForStatusCallsAsync(2);
        Assert.Contains("USB Reader", interop.StatusCallsSnapshot()[1].Keys);
    }

    [Fact]
    public async Task Wait_ReaderUnpluggedWithCard_ReportsCardRemovedThenReaderDetached()
    {
        interop.ScriptStatusChange(Change((B, ReaderStates.Present | Counter(1), DesfireAtr)));
        interop.ScriptStatusChange(states =>
        {
            interop.Readers = [A];
            return Change((B, ReaderStates.Unknown | ReaderStates.Unavailable, []))(states);
        });
        monitor.Start();

        var seen = await events.TakeAsync(5);

        Assert.Equal([(ReaderEventKind.CardRemoved, B), (ReaderEventKind.ReaderDetached, B)], seen.Skip(3).Select(Kind));
        Assert.Empty(Delays());
    }

    [Fact]
    public async Task Wait_UnknownReader_ReestablishesAtOnceAndResynchronises()
    {
        interop.ScriptStatusChange(states =>
        {
            interop.Readers = [A];
            return (uint)PcscErrorCode.UnknownReader;
        });
        monitor.Start();

        var seen = await events.TakeAsync(3);

        Assert.Equal((ReaderEventKind.ReaderDetached, B), Kind(seen[2]));
        Assert.Empty(Delays());
        Assert.Contains("Release:1000", interop.CallsSnapshot());
        Assert.Equal(2, interop.CallsSnapshot().Count(c => c == "Establish:00000000"));
    }

    [Fact]
    public async Task Wait_UnknownReaderTwiceInARow_BacksOffBeforeTheSecondRetry()
    {
        interop.ScriptStatusChange(_ => (uint)PcscErrorCode.UnknownReader);
        interop.ScriptStatusChange(_ => (uint)PcscErrorCode.UnknownReader);
        interop.ScriptStatusChange(Change((A, ReaderStates.Present | Counter(1), DesfireAtr)));
        monitor.Start();

        var seen = await events.TakeAsync(3);

        Assert.Equal((ReaderEventKind.CardInserted, A), Kind(seen[2]));
        Assert.Equal([TimeSpan.FromSeconds(1)], Delays());
        Assert.Equal(3, interop.CallsSnapshot().Count(c => c == "Establish:00000000"));
    }

    [Fact]
    public async Task Reestablish_AfterServiceHiccup_AsksEveryReaderStateAfresh()
    {
        interop.ScriptStatusChange(Change((A, ReaderStates.Present | Counter(1), DesfireAtr)));
        interop.ScriptStatusChange(_ => (uint)PcscErrorCode.InvalidHandle);
        interop.ScriptStatusChange(Change((A, ReaderStates.Present | Counter(1), DesfireAtr)));
        monitor.Start();

        await events.TakeAsync(3);
        await WaitForStatusCallsAsync(4);
        var calls = interop.StatusCallsSnapshot();

        Assert.Equal(ReaderStates.Unaware, calls[2][A]);
        Assert.Equal(ReaderStates.Unaware, calls[2][PcscReaderState.PnpNotification]);
        Assert.Equal(ReaderStates.Present | ReaderStates.Changed | Counter(1), calls[3][A]);
    }

    [Theory]
    [InlineData(PcscErrorCode.NoService)]
    [InlineData(PcscErrorCode.ServiceStopped)]
    [InlineData(PcscErrorCode.InvalidHandle)]
    [InlineData(PcscErrorCode.NoReadersAvailable)]
    public async Task Wait_ServiceLost_ReportsReadersGoneBacksOffAndReportsThemAgain(PcscErrorCode failure)
    {
        interop.ScriptStatusChange(Change((A, ReaderStates.Present | Counter(1), DesfireAtr)));
        interop.ScriptStatusChange(_ => (uint)failure);
        interop.ScriptEstablish(0, (uint)PcscErrorCode.NoService, (uint)PcscErrorCode.NoService);
        monitor.Start();

        var seen = await events.TakeAsync(8);

        Assert.Equal(
            [
                (ReaderEventKind.ReaderAttached, A), (ReaderEventKind.ReaderAttached, B), (ReaderEventKind.CardInserted, A),
                (ReaderEventKind.CardRemoved, A), (ReaderEventKind.ReaderDetached, A), (ReaderEventKind.ReaderDetached, B),
                (ReaderEventKind.ReaderAttached, A), (ReaderEventKind.ReaderAttached, B),
            ],
            seen.Select(Kind));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], Delays());
        Assert.Contains("Release:1000", interop.CallsSnapshot());
        Assert.True(monitor.IsServiceAvailable);
    }

    [Fact]
    public async Task Establish_ServiceStaysDown_BackoffDoublesUpTo30Seconds()
    {
        interop.ScriptEstablish(Enumerable.Repeat((uint)PcscErrorCode.NoService, 7).ToArray());
        monitor.Start();

        var seen = await events.TakeAsync(2);

        Assert.Equal([(ReaderEventKind.ReaderAttached, A), (ReaderEventKind.ReaderAttached, B)], seen.Select(Kind));
        Assert.Equal(BackoffSeconds.Select(s => TimeSpan.FromSeconds(s)), Delays());
    }

    [Fact]
    public async Task Wait_UnexpectedResult_LogsAndRecovers()
    {
        interop.ScriptStatusChange(_ => (uint)PcscErrorCode.InternalError);
        interop.ScriptStatusChange(Change((A, ReaderStates.Present | Counter(1), DesfireAtr)));
        monitor.Start();

        var seen = await events.TakeAsync(3);

        Assert.Equal((ReaderEventKind.CardInserted, A), Kind(seen[2]));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("SCARD_F_INTERNAL_ERROR", StringComparison.Ordinal));
        Assert.Equal([TimeSpan.FromSeconds(1)], Delays());
    }

    [Fact]
    public async Task Wait_NativeLayerThrows_LogsAndKeepsRunning()
    {
        interop.ScriptStatusChange(_ => throw new InvalidOperationException("boom"));
        interop.ScriptStatusChange(Change((B, ReaderStates.Present | Counter(1), DesfireAtr)));
        monitor.Start();

        var seen = await events.TakeAsync(3);

        Assert.Equal((ReaderEventKind.CardInserted, B), Kind(seen[2]));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Reader monitor error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_HandlerThrows_MonitorKeepsReporting()
    {
        var raised = new List<string>();
        monitor.CardInserted += (_, e) => throw new InvalidOperationException("subscriber bug");
        monitor.CardRemoved += (_, e) => { lock (raised) { raised.Add(e.ReaderName); } };
        interop.ScriptStatusChange(Change((A, ReaderStates.Present | Counter(1), DesfireAtr)));
        interop.ScriptStatusChange(Change((A, ReaderStates.Empty | Counter(2), [])));
        monitor.Start();

        await events.TakeAsync(4);

        lock (raised)
        {
            Assert.Equal([A], raised);
        }

        Assert.Contains(logger.Entries, e => e.Message == "A reader event handler threw");
    }

    [Fact]
    public async Task Dispose_WhileWaiting_CancelsJoinsReleasesAndEndsStream()
    {
        monitor.Start();
        await events.TakeAsync(2);
        await WaitForStatusCallsAsync(1);

        var started = System.Diagnostics.Stopwatch.StartNew();
        monitor.Dispose();
        monitor.Dispose();

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2));
        Assert.Contains("Cancel", interop.CallsSnapshot());
        Assert.Equal("Release:1000", interop.CallsSnapshot()[^1]);
        await using var after = monitor.ReadEventsAsync().GetAsyncEnumerator();
        Assert.False(await after.MoveNextAsync());
    }

    [Fact]
    public void Start_Twice_Throws()
    {
        monitor.Start();

        Assert.Throws<InvalidOperationException>(monitor.Start);
    }

    private async Task WaitForStatusCallsAsync(int count)
    {
        for (var i = 0; i < 200 && interop.StatusCallsSnapshot().Length < count; i++)
        {
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        monitor.Dispose();
        await events.DisposeAsync();
    }
}
