using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Tests.Demo;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Pcsc.Tests.Integration;
using MedBlocks.Simulator.Card;
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
