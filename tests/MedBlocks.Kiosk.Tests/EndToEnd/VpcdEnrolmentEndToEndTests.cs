using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Kiosk.Tests.Demo;
using MedBlocks.Pcsc.Tests.Integration;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Vpcd;
using Microsoft.Playwright;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>
/// The enrolment station in PC/SC mode against a real pcscd: the registrar's staff card, then a blank
/// card, each put in the vpcd reader; then a check-in station in PC/SC mode on the same data folder
/// greets the new card, and refuses the demo patient's lost card (revoked on the ledger).
/// </summary>
[Collection(PcscdKioskGroup.Name)]
public sealed class VpcdEnrolmentEndToEndTests(PcscdFixture pcscd) : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("kiosk-vpcd-enrolment-").FullName;
    private DemoCardCatalog catalog = null!;

    private string Station => Path.Combine(dataFolder, "station");

    private static string[] Pcsc => ["--Kiosk:Reader=Pcsc", $"--CardWorker:IncludeReaders:0={PcscdFixture.Slot0Reader}"];

    public async Task InitializeAsync()
    {
        Assert.NotEqual(0, pcscd.Pid);
        catalog = await DemoSite.SeedAsync(Station);
    }

    [Fact]
    public async Task RegistrarCardThenBlankCard_Issued_ThenCheckInGreetsItAndRefusesTheLostCard()
    {
        var blank = new SimulatedDesfireCard(CardImage.NewBlank(DesfireStorageSize.EightKilobytes));
        await using (var enrolment = await KioskProcess.StartAsync(Station, ["--Kiosk:Role=Enrolment", "--Enrolment:KdfCost=Fast", .. Pcsc], CancellationToken.None))
        {
            await using var browser = await BrowserSession.OpenAsync(enrolment.Url);
            var page = browser.Page;
            Assert.Equal(0, await page.Locator("aside.simulator").CountAsync());
            await using (var registrar = new VpcdCardBridge(new SimulatedDesfireCard(CardImage.Load(catalog.Find("registrar")!.ImagePath)), slot: 0))
            {
                await registrar.InsertAsync();
                await Assertions.Expect(page.Locator("#staff-who")).ToHaveTextAsync("Priya S., registrar");
                await EnterPinAsync(page, "1234", "Enter your card PIN");
                await Assertions.Expect(page.Locator("#staff-bar")).ToContainTextAsync("Signed in: Priya S. (registrar)");
                await registrar.RemoveAsync();
            }

            PcscdFixture.WaitForEmptyReader(PcscdFixture.Slot0Reader, TimeSpan.FromSeconds(5));
            await page.ClickAsync("#enrol-new");
            await page.FillAsync("#f-name", "Tomas Novak");
            await page.FillAsync("#f-birth", "1971-03-09");
            await page.SelectOptionAsync("#f-sex", "male");
            await page.CheckAsync("#f-allergies-none");
            await page.SelectOptionAsync("#f-resus", "FullResuscitation");
            await page.ClickAsync("#form-continue");
            await EnterPinAsync(page, "3690", "Patient: choose a PIN for your card (4 to 8 digits)");
            await EnterPinAsync(page, "3690", "Patient: enter the same PIN again");
            await Assertions.Expect(page.Locator("section.screen")).ToHaveAttributeAsync("data-stage", "Tap");

            await using (var card = new VpcdCardBridge(blank, slot: 0))
            {
                await card.InsertAsync();
                await Assertions.Expect(page.Locator("#done-title")).ToHaveTextAsync("Card issued", new() { Timeout = 90_000 });
                await Assertions.Expect(page.Locator("#done-for")).ToContainTextAsync("Tomas N., born 1971");
                await browser.ScreenshotAsync("vpcd-enrolment-done");
                await card.RemoveAsync();
            }

            Assert.DoesNotContain("Novak", enrolment.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("3690", enrolment.Output, StringComparison.Ordinal);
        }

        PcscdFixture.WaitForEmptyReader(PcscdFixture.Slot0Reader, TimeSpan.FromSeconds(5));
        await using var checkIn = await KioskProcess.StartAsync(Station, Pcsc, CancellationToken.None);
        await using var desk = await BrowserSession.OpenAsync(checkIn.Url);
        await using (var card = new VpcdCardBridge(blank, slot: 0))
        {
            await card.InsertAsync();
            await Assertions.Expect(desk.Page.Locator("h1.greeting")).ToHaveTextAsync("Hello Tomas N., born 1971");
            await card.RemoveAsync();
        }

        PcscdFixture.WaitForEmptyReader(PcscdFixture.Slot0Reader, TimeSpan.FromSeconds(5));
        await using (var lost = new VpcdCardBridge(new SimulatedDesfireCard(CardImage.Load(catalog.Find(DemoSeeder.RevokedCardId)!.ImagePath)), slot: 0))
        {
            await lost.InsertAsync();
            await Assertions.Expect(desk.Page.Locator("h1.problem")).ToHaveAttributeAsync("data-problem", "Revoked");
            await desk.ScreenshotAsync("vpcd-revoked-card");
            await lost.RemoveAsync();
        }
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
        return Task.CompletedTask;
    }

    private static async Task EnterPinAsync(IPage page, string pin, string title)
    {
        await Assertions.Expect(page.Locator(".keypad h2")).ToHaveTextAsync(title);
        foreach (var digit in pin)
        {
            await page.ClickAsync($".keypad button.key[data-digit='{digit}']");
        }

        await page.ClickAsync("#pin-ok");
    }
}
