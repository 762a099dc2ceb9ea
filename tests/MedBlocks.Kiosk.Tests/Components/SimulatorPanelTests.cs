using Bunit;
using MedBlocks.Kiosk.Components.Shared;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Kiosk.Tests.Demo;
using MedBlocks.Pcsc.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MedBlocks.Kiosk.Tests.Components;

/// <summary>The simulator panel shows the time of the card event in the reader (latency benchmarks measure from it).</summary>
public sealed class SimulatorPanelTests : IDisposable
{
    private static readonly DateTimeOffset TapTime = new(2026, 3, 2, 9, 15, 30, 250, TimeSpan.Zero);

    private readonly string folder = Directory.CreateTempSubdirectory("kiosk-sim-panel-").FullName;

    [Fact]
    public async Task Tap_ShowsTheCardEventTime_RemovalClearsIt()
    {
        var catalog = await DemoSite.SeedAsync(folder);
        var sink = new ChannelCardEventSink();
        using var reader = new SimulatedReader(sink, catalog, new FakeTimeProvider(TapTime));
        await using var context = new BunitContext();
        context.Services.AddSingleton(reader);
        context.Services.AddSingleton(catalog);
        var panel = context.Render<SimulatorPanel>();
        Assert.False(panel.Find("aside.simulator").HasAttribute("data-card-event-ms"));

        await panel.InvokeAsync(() => panel.Find("button.sim-tap[data-card=jenny]").Click());

        Assert.True(sink.Reader.TryRead(out var present));
        Assert.Equal(TapTime, Assert.IsType<CardPresent>(present).Timestamp);
        panel.WaitForAssertion(() =>
            Assert.Equal("1772442930250.000", panel.Find("aside.simulator").GetAttribute("data-card-event-ms")));

        await panel.InvokeAsync(() => panel.Find("#sim-remove").Click());
        panel.WaitForAssertion(() => Assert.False(panel.Find("aside.simulator").HasAttribute("data-card-event-ms")));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
