using Bunit;
using MedBlocks.Kiosk.Components.Shared;
using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Tests.CheckIn;
using MedBlocks.Kiosk.Tests.Demo;
using MedBlocks.Kiosk.Tests.Emergency;

namespace MedBlocks.Kiosk.Tests.Components;

/// <summary>
/// The check-in screen's consent step over a seeded demo site: the patient's records and the site's
/// clinicians, the PIN keypad, grants on the real ledger, wrong PIN, card removal and an unreachable
/// ledger. Each test gets its own copy of the site, as grants change the ledger.
/// </summary>
#pragma warning disable CA1001 // xunit disposes the context and the station through IAsyncLifetime.
public sealed class ConsentStepTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>, IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly BunitContext context = new();
    private readonly string folder = Directory.CreateTempSubdirectory("kiosk-consent-").FullName;
    private CheckInStationHarness station = null!;
    private GatedLedger gate = null!;

    public async Task InitializeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        CopyFolder(site.Folder, folder);
        station = new CheckInStationHarness(folder, ledger => gate = new GatedLedger(ledger));
        station.AddTo(context.Services);
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        await station.StartAsync();
    }

    [Fact]
    public async Task Share_TwoRecordsWithOneClinician_OnePin_GrantsOnTheLedger_ThenNothingIdentifyingLeft()
    {
        var screen = await CheckedInAsync();
        screen.Find("#share").Click();
        screen.WaitForAssertion(() => Assert.Equal(3, screen.FindAll("#consent-records label").Count));
        Assert.Contains("Text document", screen.Find("#consent-records").TextContent, StringComparison.Ordinal);
        Assert.Contains("Dr Aisha Rahman", screen.Find("#consent-records").TextContent, StringComparison.Ordinal);
        Assert.True(screen.Find("#consent-continue").HasAttribute("disabled"));

        var records = screen.FindAll("#consent-records label").Select(l => l.GetAttribute("data-medblock")!).ToList();
        screen.Find($"label[data-medblock='{records[0]}'] input").Change(true);
        screen.Find($"label[data-medblock='{records[1]}'] input").Change(true);
        var ines = station.Directory.All().Single(c => c.Name == "Dr Ines Moreau");
        screen.Find($"label[data-clinician='{ines.Address}'] input").Change(true);
        screen.Find("#consent-continue").Click();
        await EnterPinAsync(screen, DemoPatients.Pin);

        screen.WaitForAssertion(() => Assert.Equal("Dr Ines Moreau can now read 2 records.", screen.Find("#shared-result").TextContent), TimeSpan.FromSeconds(20));
        var grants = await station.GrantsAsync();
        Assert.Equal(records.Take(2).Order(), grants.Where(g => g.Grantee == ines.Address).Select(g => g.MedBlock).Order());
        Assert.Equal(2, grants.Count);

        screen.Find("#shared-done").Click();
        screen.WaitForAssertion(() => Assert.Equal("Idle", screen.Find("section").GetAttribute("data-stage")));
        Assert.DoesNotContain("Jenny", screen.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Ines", screen.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPin_SaysAttemptsLeft_NothingGranted_ThenRightPinShares()
    {
        var screen = await ChooseFirstRecordForAsync("Dr Tom Okafor");

        await EnterPinAsync(screen, "9999");
        screen.WaitForAssertion(() => Assert.StartsWith("Wrong PIN.", screen.Find("#pin-message").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains("attempt", screen.Find("#pin-message").TextContent, StringComparison.Ordinal);
        Assert.Empty(await station.GrantsAsync());

        await EnterPinAsync(screen, DemoPatients.Pin);
        screen.WaitForAssertion(() => Assert.Equal("Dr Tom Okafor can now read 1 record.", screen.Find("#shared-result").TextContent), TimeSpan.FromSeconds(20));
        Assert.Single(await station.GrantsAsync());
    }

    [Fact]
    public async Task AlreadySharedRecord_MarkedAndCountedNotGrantedAgain()
    {
        var screen = await ChooseFirstRecordForAsync("Dr Aisha Rahman", proceed: false);

        // Dr Rahman wrote the demo records, so she holds their keys already.
        Assert.Contains("already shared with this clinician", screen.Find("#consent-records").TextContent, StringComparison.Ordinal);
        screen.Find("#consent-continue").Click();
        await EnterPinAsync(screen, DemoPatients.Pin);

        screen.WaitForAssertion(() => Assert.Contains("1 already shared before", screen.Find("#shared-result").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Empty(await station.GrantsAsync());
    }

    [Fact]
    public async Task CardRemoved_WhileChoosing_BackToIdleWithNothingIdentifying()
    {
        var screen = await CheckedInAsync();
        screen.Find("#share").Click();
        screen.WaitForAssertion(() => Assert.NotEmpty(screen.FindAll("#consent-records label")));

        await station.RemoveAsync();

        screen.WaitForAssertion(() => Assert.Equal("Idle", screen.Find("section").GetAttribute("data-stage")));
        Assert.DoesNotContain("Text document", screen.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Jenny", screen.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TicketAfterCardRemoved_NoShareOffered()
    {
        var screen = await CheckedInAsync();

        await station.RemoveAsync();

        screen.WaitForAssertion(() => Assert.Empty(screen.FindAll("#share")));
        Assert.Equal("1", screen.Find("#ticket").TextContent);
    }

    [Fact]
    public async Task LedgerUnreachable_PlainScreenThenIdle_CheckInKept()
    {
        var screen = await CheckedInAsync();
        gate.Unreachable = true;

        screen.Find("#share").Click();

        screen.WaitForAssertion(() => Assert.Equal("LedgerUnreachable", screen.Find("h1.problem").GetAttribute("data-problem")));
        Assert.Single(station.Arrivals.Today());
        station.Time.Advance(station.Options.IdleTimeout);
        screen.WaitForAssertion(() => Assert.Equal("Idle", screen.Find("section").GetAttribute("data-stage")));
    }

    public async Task DisposeAsync()
    {
        context.Dispose();
        await station.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<IRenderedComponent<CheckInScreen>> CheckedInAsync()
    {
        var screen = context.Render<CheckInScreen>();
        await station.TapAsync("jenny");
        screen.WaitForAssertion(() => Assert.NotEmpty(screen.FindAll("#confirm")), TimeSpan.FromSeconds(20));
        screen.Find("#confirm").Click();
        screen.WaitForAssertion(() => Assert.NotEmpty(screen.FindAll("#share")));
        return screen;
    }

    private async Task<IRenderedComponent<CheckInScreen>> ChooseFirstRecordForAsync(string clinicianName, bool proceed = true)
    {
        var screen = await CheckedInAsync();
        screen.Find("#share").Click();
        screen.WaitForAssertion(() => Assert.NotEmpty(screen.FindAll("#consent-records label")));
        var clinician = station.Directory.All().Single(c => c.Name == clinicianName);
        screen.Find($"label[data-clinician='{clinician.Address}'] input").Change(true);
        screen.Find("#consent-records label input").Change(true);
        if (proceed)
        {
            screen.Find("#consent-continue").Click();
        }

        return screen;
    }

    private static Task EnterPinAsync(IRenderedComponent<CheckInScreen> screen, string pin)
    {
        screen.WaitForAssertion(() => Assert.NotEmpty(screen.FindAll("#pin-ok")));
        foreach (var digit in pin)
        {
            screen.Find($"button[data-digit='{digit}']").Click();
        }

        screen.Find("#pin-ok").Click();
        return Task.CompletedTask;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
