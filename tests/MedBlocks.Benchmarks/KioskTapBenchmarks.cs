using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Emergency;
using MedBlocks.Kiosk.Options;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Kiosk.Staff;
using MedBlocks.Pcsc.Hosting;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedBlocks.Benchmarks;

/// <summary>
/// The kiosk's card side, in process: a demo card tapped on the simulated reader, through the card
/// event channel and the tap processor (check-in read or emergency read), to the event the screens
/// render from (at the paramedic station: summary with K3 and identity with K2, for a signed-in paramedic); then removed. One operation = tap → screen event → removal → card-left event.
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
    private StationStaff? _staff;
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
        var station = new StationIdentity("11111111111111111111111111111111", Role);
        var limiter = new PinAttemptLimiter(TimeProvider.System);
        EmergencyTapReader? emergencyTaps = null;
        if (Role == StationRole.Emergency)
        {
            // A paramedic station reads patient cards only for signed-in staff: the demo paramedic signs in first.
            var options = Microsoft.Extensions.Options.Options.Create(new KioskOptions { Role = KioskRole.Emergency, DataFolder = _folder, CardKeys = cardKeys });
            _staff = new StationStaff(_inReader, _keys, station, limiter, options, TimeProvider.System, NullLogger<StationStaff>.Instance);
            emergencyTaps = new EmergencyTapReader(_keys, station, limiter, _staff, TimeProvider.System, NullLogger<EmergencyTapReader>.Instance);
        }

        _processor = new CardTapProcessor(sink.Reader, _inReader, _keys, station,
            limiter, hub, TimeProvider.System, NullLogger<CardTapProcessor>.Instance, null, emergencyTaps);
        _processor.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (_staff is not null)
        {
            SignInAsync(_staff).GetAwaiter().GetResult();
        }
    }

    private async Task SignInAsync(StationStaff staff)
    {
        _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await _reader.TapAsync("paramedic", CancellationToken.None);
        await _next.Task;
        await staff.SignInAsync(DemoPatients.Pin, CancellationToken.None);
        _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await _reader.RemoveAsync(CancellationToken.None);
        await _next.Task;
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
        _staff?.Dispose();
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
