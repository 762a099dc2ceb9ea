using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MedBlocks.Kiosk.Options;
using MedBlocks.Kiosk.Tests.EndToEnd;
using Microsoft.Playwright;

namespace MedBlocks.Benchmarks.Kiosk;

/// <summary>
/// The whole kiosk, end to end: the real host started as its own process (simulated reader, temporary
/// data folder, 127.0.0.1 on a port the system picks) and its page in headless Chromium. Each tap is
/// a click on the simulator panel; the figures are the time from the host's card event to the text in
/// the browser's DOM (check-in: the masked greeting; paramedic station, signed in once with the demo
/// paramedic card and PIN: the emergency summary's allergies), and click → DOM as an upper bound.
/// One iteration = <see cref="TapsPerIteration"/> tap cycles in the same browser page; the kiosk's
/// resident set is sampled every 100 taps. Figures go to the custom columns and to
/// BenchmarkDotNet.Artifacts/results/kiosk-end-to-end-&lt;role&gt;.txt (and -taps.csv).
/// </summary>
[Config(typeof(EndToEndConfig))]
public class KioskEndToEndBenchmarks
{
    public const int TapsPerIteration = 100;
    public const int WarmUpTaps = 20;
    public const int ResidentSetEvery = 100;

    private string _folder = null!;
    private KioskProcess _kiosk = null!;
    private BrowserSession _browser = null!;
    private KioskLatencyProbe _probe = null!;
    private KioskRunFigures _figures = null!;

    [Params(KioskRole.CheckIn, KioskRole.Emergency)]
    public KioskRole Role { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark(Description = "100 taps, card event to text in the browser")]
    public async Task TapCycles()
    {
        for (var i = 0; i < TapsPerIteration; i++)
        {
            _figures.AddTap(await TapCycleAsync());
            SampleResidentSet();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("kiosk-e2e-bench-").FullName;
        // Timeouts long enough that no screen clears by itself during a run (the cycles clear them).
        _kiosk = await KioskProcess.StartAsync(_folder, [$"--Kiosk:Role={Role}", "--Kiosk:IdleTimeout=00:10:00", "--Kiosk:StaffIdleTimeout=01:00:00"], CancellationToken.None);
        _browser = await BrowserSession.OpenAsync(_kiosk.Url);
        if (Role == KioskRole.Emergency)
        {
            await EmergencyStationPage.SignInWithSimulatorAsync(_browser.Page);
            await CardLeftAsync();
        }

        _probe = new KioskLatencyProbe(_browser.Page);
        await _probe.InstallAsync();
        _figures = KioskRunFigures.Start(Role.ToString());
        for (var i = 0; i < WarmUpTaps; i++)
        {
            await TapCycleAsync();
            _figures.AddWarmUpTap();
            SampleResidentSet();
        }
    }

    private async Task CleanupAsync()
    {
        var results = Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts", "results");
        Console.WriteLine($"// Kiosk end to end ({Role}): {_figures.Write(results)}");
        await _browser.DisposeAsync();
        await _kiosk.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Tap → text on screen (measured) → card removed → screen back to idle.</summary>
    private async Task<TapLatency> TapCycleAsync()
    {
        var page = _browser.Page;
        if (Role == KioskRole.CheckIn)
        {
            var greeting = await _probe.TapAsync("jenny", "h1.greeting", "Hello Jenny T., born 2003");
            await page.ClickAsync("#sim-remove");
            await CardLeftAsync();
            await Assertions.Expect(page.Locator("section.screen[data-stage=Idle]")).ToBeVisibleAsync();
            return greeting;
        }

        var summary = await _probe.TapAsync("jenny", "#allergies li", "penicillin (anaphylaxis)");
        // Let the online part (emergency records, audited on the ledger and the card) finish before the next tap.
        await Assertions.Expect(page.Locator("#records[data-records=Loaded] #records-audit")).ToBeVisibleAsync();
        await page.ClickAsync("#sim-remove");
        await CardLeftAsync();
        await page.ClickAsync("#clear");
        await Assertions.Expect(page.Locator("section.screen[data-stage=Idle]")).ToBeVisibleAsync();
        return summary;
    }

    private Task CardLeftAsync() =>
        Assertions.Expect(_browser.Page.Locator("aside.simulator:not([data-card-event-ms])")).ToBeAttachedAsync();

    private void SampleResidentSet()
    {
        if (_figures.TapCount % ResidentSetEvery == 0)
        {
            _figures.AddResidentSet(_figures.TapCount, ProcessMemory.ResidentKiB(_kiosk.Pid));
        }
    }

    private sealed class EndToEndConfig : ManualConfig
    {
        public EndToEndConfig()
        {
            // One launch of the kiosk per role; every iteration runs the same number of taps once.
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(10).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(
                new KioskFigureColumn("Card→DOM median ms", "Host's card event to the text in the browser's DOM, median over the measured taps", r => r.CardEventToDom(0.5)),
                new KioskFigureColumn("Card→DOM p95 ms", "Host's card event to the text in the browser's DOM, 95th percentile", r => r.CardEventToDom(0.95)),
                new KioskFigureColumn("Card→frame p95 ms", "Host's card event to the next animation frame after the text is in the DOM, 95th percentile", r => r.CardEventToFrame(0.95)),
                new KioskFigureColumn("Click→DOM p95 ms", "Click on the simulator panel to the text in the DOM (upper bound), 95th percentile", r => r.ClickToDom(0.95)),
                new KioskFigureColumn("RSS@500 MiB", "Kiosk process VmRSS after the 500th tap (warm-up taps included)", r => r.ResidentKiBAt(500) / 1024.0),
                new KioskFigureColumn("RSS@1000 MiB", "Kiosk process VmRSS after the 1000th tap (warm-up taps included)", r => r.ResidentKiBAt(1000) / 1024.0));
        }
    }
}
