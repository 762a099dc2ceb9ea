using MedBlocks.Kiosk.Emergency;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Kiosk.Tests.CheckIn;
using MedBlocks.Kiosk.Tests.Demo;
using MedBlocks.Pcsc.Tests.Integration;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Transport;
using MedBlocks.Simulator.Vpcd;
using MedBlocks.SmartCards.Profile;
using Microsoft.Playwright;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>
/// The paramedic station in PC/SC mode against a real pcscd: the paramedic's staff card, then the
/// patient's card, each put in the vpcd reader "Virtual PCD 00 00"; the screen read in headless Chromium.
/// </summary>
[Collection(PcscdKioskGroup.Name)]
public sealed class VpcdEmergencyEndToEndTests(PcscdFixture pcscd) : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("kiosk-vpcd-emergency-").FullName;
    private DemoCardCatalog catalog = null!;
    private KioskProcess? kiosk;

    private string Station => Path.Combine(dataFolder, "station");

    public async Task InitializeAsync()
    {
        Assert.NotEqual(0, pcscd.Pid);
        catalog = await DemoSite.SeedAsync(Station);
        kiosk = await KioskProcess.StartAsync(
            Station,
            ["--Kiosk:Role=Emergency", "--Kiosk:Reader=Pcsc", $"--CardWorker:IncludeReaders:0={PcscdFixture.Slot0Reader}"],
            CancellationToken.None);
    }

    [Fact]
    public async Task StaffCardAndPin_ThenPatientCard_SummaryAndRecord_AuditedOnCardAndLedger()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk!.Url);
        var page = browser.Page;
        Assert.Equal(0, await page.Locator("aside.simulator").CountAsync());

        var staffCard = new SimulatedDesfireCard(CardImage.Load(catalog.Find("paramedic")!.ImagePath));
        await using (var staff = new VpcdCardBridge(staffCard, slot: 0))
        {
            await staff.InsertAsync();
            await EmergencyStationPage.EnterPinAsync(page, "1234");
            await Assertions.Expect(page.Locator("#staff-bar #staff-who")).ToHaveTextAsync("Signed in: Alex M. (paramedic)");
            await staff.RemoveAsync();
        }

        PcscdFixture.WaitForEmptyReader(PcscdFixture.Slot0Reader, TimeSpan.FromSeconds(5));
        var patientCard = new SimulatedDesfireCard(CardImage.Load(catalog.Find("jenny")!.ImagePath));
        await using (var patient = new VpcdCardBridge(patientCard, slot: 0))
        {
            await patient.InsertAsync();
            await Assertions.Expect(page.Locator("#allergies li").First).ToHaveTextAsync("penicillin (anaphylaxis)");
            await Assertions.Expect(page.Locator("article.record[data-state=Shown] .record-text")).ToContainTextAsync("Emergency care plan (demo) for jenny.");
            await Assertions.Expect(page.Locator("#records-audit")).ToContainTextAsync("recorded on the ledger (1) and on the card.");
            await browser.ScreenshotAsync("vpcd-emergency-summary-records");
            await patient.RemoveAsync();
        }

        await Assertions.Expect(page.Locator("#resuscitation")).ToBeVisibleAsync();
        await page.ClickAsync("#sign-out");
        await Assertions.Expect(page.Locator("section[data-stage=SignedOut]")).ToBeVisibleAsync();

        // The card's own access log: the summary (K3), the identity for the address (K2), the online read (K3).
        patientCard.PowerOn();
        using var keys = new ConfigurationKeyProvider(KioskTestKit.DevelopmentCardKeys());
        using var reader = new PatientCardReader(new SimulatedCardTransport(patientCard), keys, new StationIdentity("log reader", StationRole.Emergency), new PinAttemptLimiter(TimeProvider.System), TimeProvider.System);
        await reader.ReadForEmergencyAsync();
        var log = await reader.ReadAccessLogAsync();
        Assert.Equal([AccessLogAction.ReadEmergency, AccessLogAction.ReadIdentity, AccessLogAction.ReadEmergencyRecords], log.SkipLast(1).TakeLast(3).Select(r => r.Action));

        await kiosk.DisposeAsync();
        kiosk = null;
        var audit = Assert.Single(await SimulatedEmergencyEndToEndTests.EmergencyAccessesAsync(Path.Combine(Station, "ledger.db")));
        Assert.Equal(EmergencyRecordReader.AuditReason, audit.Reason);
    }

    public async Task DisposeAsync()
    {
        if (kiosk is not null)
        {
            var pid = kiosk.Pid;
            await kiosk.DisposeAsync();
            Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "logs"));
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "logs", $"vpcd-emergency-kiosk-{pid}.log"), kiosk.Output);
        }

        Directory.Delete(dataFolder, recursive: true);
    }
}
