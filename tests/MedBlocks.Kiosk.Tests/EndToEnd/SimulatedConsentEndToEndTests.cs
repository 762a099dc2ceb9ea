using System.Text.Json;
using MedBlocks.Core.Ledger;
using MedBlocks.Kiosk.Clinicians;
using MedBlocks.Ledger;
using Microsoft.Playwright;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>
/// The check-in consent step in the running host on its embedded defaults, driven in headless Chromium:
/// records and clinician chosen, PIN on the on-screen keypad, grants on the station's ledger; wrong PIN;
/// a lost card revoked on the ledger; the card taken away mid-way. One kiosk serves the class; each test
/// uses its own patient and clinician, so the grants it checks are its own.
/// </summary>
public sealed class SimulatedConsentEndToEndTests(SimulatedConsentEndToEndTests.Station station) : IClassFixture<SimulatedConsentEndToEndTests.Station>
{
    private KioskProcess kiosk => station.Kiosk;

    private string dataFolder => station.DataFolder;

    [Fact]
    public async Task Share_TwoRecordsWithDrMoreau_PinOnKeypad_GrantsOnTheLedger()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;
        await CheckInAsync(page, "jenny");

        await page.ClickAsync("#share");
        await Assertions.Expect(page.Locator("#consent-records label")).ToHaveCountAsync(3);
        await browser.ScreenshotAsync("consent-choice");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        var ines = Clinician("Dr Ines Moreau");
        var chosen = await page.Locator("#consent-records label").EvaluateAllAsync<string[]>("ls => ls.slice(0, 2).map(l => l.dataset.medblock)");
        foreach (var medBlock in chosen)
        {
            await page.CheckAsync($"label[data-medblock='{medBlock}'] input");
        }

        await page.CheckAsync($"label[data-clinician='{ines.Address}'] input");
        await page.ClickAsync("#consent-continue");
        await Assertions.Expect(page.Locator("#pin-title")).ToHaveTextAsync("Enter your card PIN to share");
        await TypePinAsync(page, "12");
        await browser.ScreenshotAsync("consent-pin");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        await TypePinAsync(page, "34");
        await page.ClickAsync("#pin-ok");

        await Assertions.Expect(page.Locator("#shared-result")).ToHaveTextAsync("Dr Ines Moreau can now read 2 records.", new() { Timeout = 20_000 });
        await browser.ScreenshotAsync("consent-shared");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        Assert.DoesNotContain("Tallia", await page.Locator("section.screen").InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("#shared-done");
        await Assertions.Expect(page.Locator("section.screen")).ToHaveAttributeAsync("data-stage", "Idle");

        var grants = (await GrantsAsync()).Where(g => g.Grantee == ines.Address).ToList();
        Assert.Equal(chosen.Order(), grants.Select(g => g.MedBlock).Order());
        Assert.DoesNotContain("1234", kiosk.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Tallia", kiosk.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPin_AttemptsLeftShown_ThenRightPinShares()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;
        await CheckInAsync(page, "ana");
        await page.ClickAsync("#share");
        var okafor = Clinician("Dr Tom Okafor");
        await page.CheckAsync("#consent-records label >> nth=0 >> input");
        await page.CheckAsync($"label[data-clinician='{okafor.Address}'] input");
        await page.ClickAsync("#consent-continue");

        await TypePinAsync(page, "9999");
        await page.ClickAsync("#pin-ok");
        await Assertions.Expect(page.Locator("#pin-message")).ToContainTextAsync("Wrong PIN.", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#pin-message")).ToContainTextAsync("attempt");
        await browser.ScreenshotAsync("consent-wrong-pin");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));

        await TypePinAsync(page, "1234");
        await page.ClickAsync("#pin-ok");
        await Assertions.Expect(page.Locator("#shared-result")).ToHaveTextAsync("Dr Tom Okafor can now read 1 record.", new() { Timeout = 20_000 });

        Assert.Single(await GrantsAsync(), g => g.Grantee == okafor.Address);
    }

    [Fact]
    public async Task LostCardRevokedOnTheLedger_NoLongerValid()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;

        await page.ClickAsync("button.sim-tap[data-card=omar-lost]");

        await Assertions.Expect(page.Locator("h1.problem")).ToHaveAttributeAsync("data-problem", "Revoked");
        await Assertions.Expect(page.Locator("h1.problem")).ToContainTextAsync("no longer valid");
        await browser.ScreenshotAsync("problem-revoked-card");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        await page.ClickAsync("#sim-remove");
        await page.ClickAsync("button.sim-tap[data-card=omar]");
        await Assertions.Expect(page.Locator("h1.greeting")).ToHaveTextAsync("Hello Omar H., born 1958");
    }

    [Fact]
    public async Task CardTakenAwayWhileChoosing_ScreenClears()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;
        await CheckInAsync(page, "jenny");
        await page.ClickAsync("#share");
        await Assertions.Expect(page.Locator("#consent-records label")).ToHaveCountAsync(3);

        await page.ClickAsync("#sim-remove");

        await Assertions.Expect(page.Locator("section.screen")).ToHaveAttributeAsync("data-stage", "Idle");
        Assert.DoesNotContain("Text document", await page.Locator("section.screen").InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>The kiosk process of the class, on its own data folder.</summary>
    public sealed class Station : IAsyncLifetime
    {
        public string DataFolder { get; } = Directory.CreateTempSubdirectory("kiosk-consent-e2e-").FullName;

        public KioskProcess Kiosk { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Kiosk = await KioskProcess.StartAsync(DataFolder, ["--Kiosk:IdleTimeout=00:01:00"], CancellationToken.None);

        public async Task DisposeAsync()
        {
            await Kiosk.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    private static async Task CheckInAsync(IPage page, string card)
    {
        await page.ClickAsync($"button.sim-tap[data-card={card}]");
        await Assertions.Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await page.ClickAsync("#confirm");
        await Assertions.Expect(page.Locator("#share")).ToBeVisibleAsync();
    }

    private static async Task TypePinAsync(IPage page, string digits)
    {
        foreach (var digit in digits)
        {
            await page.ClickAsync($"button[data-digit='{digit}']");
        }
    }

    private Clinician Clinician(string name) =>
        JsonSerializer.Deserialize<List<Clinician>>(File.ReadAllText(Path.Combine(dataFolder, "clinicians.json")), JsonSerializerOptions.Web)!.Single(c => c.Name == name);

    private async Task<List<(string MedBlock, string Grantee)>> GrantsAsync()
    {
        // The kiosk keeps running: SQLite's write-ahead log lets this reader see what it committed.
        using var ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(dataFolder, "ledger.db") });
        var grants = new List<(string, string)>();
        await foreach (var entry in ledger.ReadSinceAsync(0))
        {
            if (entry.Kind == LedgerEntryKinds.Grant)
            {
                grants.Add((entry.Body.GetProperty("medblock").GetString()!, entry.Body.GetProperty("grantee").GetString()!));
            }
        }

        return grants;
    }
}
