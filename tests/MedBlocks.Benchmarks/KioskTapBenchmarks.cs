using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Options;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Pcsc.Hosting;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedBlocks.Benchmarks;

/// <summary>
/// The kiosk's card side, in process: a demo card tapped on the simulated reader, through the card
/// event channel and the tap processor (check-in read or emergency read), to the event the screens
/// render from; then removed. One operation = tap → screen event → removal → card-left event.
/// The browser's render is not included (see the end-to-end tests for the whole path).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortConfig))]
public class KioskTapBenchmarks : IDisposable
{
    private string _folder = null!;
    private SimulatedReader _reader = null!;
    private CardInReader _inReader = null!;
    private CardTapProcessor _processor = null!;
    private ConfigurationKeyProvider _keys = null!;
    private IDisposable _subscription = null!;
    private TaskCompletionSource<ScreenEvent> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Params(StationRole.CheckIn, StationRole.Emergency)]
    public StationRole Role { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("kiosk-bench-").FullName;
        var cardKeys = CardBenchmarkKeys.Masters();
        var catalog = DemoSeeder.SeedFolderAsync(new KioskOptions { DataFolder = _folder, CardKeys = cardKeys }, CancellationToken.None).GetAwaiter().GetResult();
        var sink = new ChannelCardEventSink();
        _reader = new SimulatedReader(sink, catalog, TimeProvider.System);
        var hub = new ScreenEventHub();
        _subscription = hub.Subscribe(e =>
        {
            _next.TrySetResult(e);
            return Task.CompletedTask;
        });
        _keys = new ConfigurationKeyProvider(cardKeys);
        _inReader = new CardInReader(_reader);
        _processor = new CardTapProcessor(sink.Reader, _inReader, _keys, new StationIdentity("11111111111111111111111111111111", Role),
            new PinAttemptLimiter(TimeProvider.System), hub, TimeProvider.System, NullLogger<CardTapProcessor>.Instance);
        _processor.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<ScreenEvent> TapToScreenEvent()
    {
        _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await _reader.TapAsync("jenny", CancellationToken.None);
        var shown = await _next.Task;
        if (shown is not (PatientGreeted or EmergencySummaryRead))
        {
            throw new InvalidOperationException($"Unexpected screen event {shown.GetType().Name}.");
        }

        _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await _reader.RemoveAsync(CancellationToken.None);
        await _next.Task;
        return shown;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _processor.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _processor.Dispose();
        _subscription.Dispose();
        _inReader.Dispose();
        _reader.Dispose();
        _keys.Dispose();
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private sealed class InProcessShortConfig : ManualConfig
    {
        public InProcessShortConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
    }
}
