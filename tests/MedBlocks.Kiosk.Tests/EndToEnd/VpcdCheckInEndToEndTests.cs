using System.Text.Json;
using MedBlocks.Kiosk.Clinicians;
using MedBlocks.Kiosk.Demo;
using MedBlocks.Ledger;
using MedBlocks.Kiosk.Tests.Demo;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Pcsc.Tests.Integration;
using MedBlocks.Kiosk.Tests.CheckIn;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Profile;
using MedBlocks.Simulator.Vpcd;
using Microsoft.Playwright;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>
/// The host in PC/SC mode against a real pcscd: the demo patient's simulated card is put in the vpcd
/// reader "Virtual PCD 00 00" and the screen is read in headless Chromium.
/// </summary>
[Collection(PcscdKioskGroup.Name)]
public sealed class VpcdCheckInEndToEndTests(PcscdFixture pcscd) : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("kiosk-vpcd-").FullName;
    private DemoCardCatalog catalog = null!;
    private KioskProcess kiosk = null!;

    public async Task InitializeAsync()
    {
        Assert.NotEqual(0, pcscd.Pid);
        // The station's own data folder holds the demo ledger; the cards go into the vpcd reader from it.
        catalog = await DemoSite.SeedAsync(Path.Combine(dataFolder, "station"));
        kiosk = await KioskProcess.StartAsync(
            Path.Combine(dataFolder, "station"),
            ["--Kiosk:Reader=Pcsc", $"--CardWorker:IncludeReaders:0={PcscdFixture.Slot0Reader}"],
            CancellationToken.None);
    }

    [Fact]
    public async Task CardInVpcdReader_GreetingThenTicket_RemovalClears()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;
        Assert.Equal(0, await page.Locator("aside.simulator").CountAsync());
        var card = new SimulatedDesfireCard(CardImage.Load(catalog.Find("jenny")!.ImagePath));
        await using var bridge = new VpcdCardBridge(card, slot: 0);

        await bridge.InsertAsync();
        await Assertions.Expect(page.Locator("h1.greeting")).ToHaveTextAsync("Hello Jenny T., born 2003");
        await browser.ScreenshotAsync("vpcd-checkin-greeting");
        await page.ClickAsync("#confirm");
        await Assertions.Expect(page.Locator("#ticket")).ToHaveTextAsync("1");
        await bridge.RemoveAsync();
        PcscdFixture.WaitForEmptyReader(PcscdFixture.Slot0Reader, TimeSpan.FromSeconds(5));
        await Assertions.Expect(page.Locator("#ticket")).ToHaveTextAsync("1");

        await bridge.InsertAsync();
        await Assertions.Expect(page.Locator("h1.greeting")).ToHaveTextAsync("Hello Jenny T., born 2003");
        await bridge.RemoveAsync();
        await Assertions.Expect(page.Locator("section.screen")).ToHaveAttributeAsync("data-stage", "Idle");
    }

    [Fact]
    public async Task Consent_CardInVpcdReader_WrongPinThenRight_RecordShared_GrantOnTheLedger()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;
        var card = new SimulatedDesfireCard(CardImage.Load(catalog.Find("ana")!.ImagePath));
        await using var bridge = new VpcdCardBridge(card, slot: 0);
        await bridge.InsertAsync();
        await page.ClickAsync("#confirm");
        await page.ClickAsync("#share");
        var moreau = JsonSerializer.Deserialize<List<Clinician>>(File.ReadAllText(Path.Combine(dataFolder, "station", "clinicians.json")), JsonSerializerOptions.Web)!
            .Single(c => c.Name == "Dr Ines Moreau");
        var medBlock = await page.Locator("#consent-records label").First.GetAttributeAsync("data-medblock");
        await page.CheckAsync("#consent-records label >> nth=0 >> input");
        await page.CheckAsync($"label[data-clinician='{moreau.Address}'] input");
        await page.ClickAsync("#consent-continue");
        foreach (var digit in "9999")
        {
            await page.ClickAsync($"button[data-digit='{digit}']");
        }

        await page.ClickAsync("#pin-ok");
        await Assertions.Expect(page.Locator("#pin-message")).ToContainTextAsync("Wrong PIN.", new() { Timeout = 20_000 });
        foreach (var digit in DemoPatients.Pin)
        {
            await page.ClickAsync($"button[data-digit='{digit}']");
        }

        await page.ClickAsync("#pin-ok");

        await Assertions.Expect(page.Locator("#shared-result")).ToHaveTextAsync("Dr Ines Moreau can now read 1 record.", new() { Timeout = 20_000 });
        await browser.ScreenshotAsync("vpcd-consent-shared");
        await bridge.RemoveAsync();
        using var ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(dataFolder, "station", "ledger.db") });
        Assert.Contains(moreau.Address, (await ledger.GetMedBlockAsync(medBlock!))!.Keys.Keys);
        // The card's own access log records the grant.
        card.PowerOn();
        using var keys = new ConfigurationKeyProvider(KioskTestKit.DevelopmentCardKeys());
        using var reader = new PatientCardReader(new SimulatedCardTransport(card), keys, new StationIdentity("log reader", StationRole.CheckIn), new PinAttemptLimiter(TimeProvider.System), TimeProvider.System);
        await reader.ReadForCheckInAsync();
        Assert.Contains(AccessLogAction.Grant, (await reader.ReadAccessLogAsync()).Select(r => r.Action));
    }

    [Fact]
    public async Task CardPulledDuringRead_AsksToHoldStillAndTapAgain()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;
        var card = new SimulatedDesfireCard(CardImage.Load(catalog.Find("omar")!.ImagePath));
        // The worker reads the UID (1 APDU); the check-in read then loses the card after 3 more.
        card.Faults.CutPowerAfter(4);
        await using var bridge = new VpcdCardBridge(card, slot: 0);

        await bridge.InsertAsync();

        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("Hold the card still and tap again");
        await browser.ScreenshotAsync("problem-card-pulled");
        await bridge.RemoveAsync();
    }

    [Fact]
    public async Task ForeignCardInVpcdReader_IsRefusedInPlainLanguage()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var card = new SimulatedDesfireCard(CardImage.Load(catalog.Find(DemoSeeder.ForeignCardId)!.ImagePath));
        await using var bridge = new VpcdCardBridge(card, slot: 0);

        await bridge.InsertAsync();

        await Assertions.Expect(browser.Page.Locator("[role=alert]")).ToContainTextAsync("not a MedBlocks patient card");
        await bridge.RemoveAsync();
    }

    public async Task DisposeAsync()
    {
        var pid = kiosk.Pid;
        await kiosk.DisposeAsync();
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "logs"));
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "logs", $"vpcd-kiosk-{pid}.log"), kiosk.Output);
        Directory.Delete(dataFolder, recursive: true);
    }
}
