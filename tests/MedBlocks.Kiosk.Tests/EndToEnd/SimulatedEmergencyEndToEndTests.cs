using MedBlocks.Core.Ledger;
using MedBlocks.Kiosk.Emergency;
using MedBlocks.Ledger;
using Microsoft.Playwright;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>
/// The host as a paramedic station on its demo site: staff sign-in with the paramedic's card and PIN,
/// the emergency summary read from the card, then the emergency record read online and audited on the
/// station's ledger; idle sign-out; wrong PIN; patient card without sign-in.
/// </summary>
public sealed class SimulatedEmergencyEndToEndTests : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("kiosk-e2e-emergency-").FullName;
    private KioskProcess? kiosk;

    private KioskProcess Kiosk => kiosk ?? throw new InvalidOperationException("The kiosk was stopped.");

    public async Task InitializeAsync() =>
        kiosk = await KioskProcess.StartAsync(dataFolder, ["--Kiosk:Role=Emergency", "--Kiosk:StaffIdleTimeout=00:00:30", "--Kiosk:IdleTimeout=00:01:00"], CancellationToken.None);

    [Fact]
    public async Task SignIn_TapPatient_SummaryThenEmergencyRecord_AuditedOnLedger_IdleSignOut()
    {
        await using var browser = await BrowserSession.OpenAsync(Kiosk.Url);
        var page = browser.Page;
        await Assertions.Expect(page.Locator("section[data-stage=SignedOut]")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("emergency-signed-out");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));

        await page.ClickAsync("button.sim-tap[data-card=paramedic]");
        await Assertions.Expect(page.Locator("section.staff-signin #staff-who")).ToHaveTextAsync("Alex M., paramedic");
        await browser.ScreenshotAsync("emergency-staff-pin");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        await EmergencyStationPage.EnterPinAsync(page, "1234");
        await Assertions.Expect(page.Locator("#staff-bar #staff-who")).ToHaveTextAsync("Signed in: Alex M. (paramedic)");
        await Assertions.Expect(page.Locator("#staff-idle")).ToContainTextAsync("Signs out in 0:");
        await page.ClickAsync("#sim-remove");
        await browser.ScreenshotAsync("emergency-signed-in");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));

        await page.ClickAsync("button.sim-tap[data-card=jenny]");

        await Assertions.Expect(page.Locator("#allergies li").First).ToHaveTextAsync("penicillin (anaphylaxis)");
        await Assertions.Expect(page.Locator("#blood-group")).ToHaveTextAsync("A+");
        var record = page.Locator("article.record[data-state=Shown]");
        await Assertions.Expect(record.Locator("h3")).ToHaveTextAsync("Emergency care plan (demo) for jenny.");
        await Assertions.Expect(record.Locator(".record-meta")).ToContainTextAsync("By Dr Aisha Rahman on ");
        await Assertions.Expect(record.Locator(".record-text")).ToContainTextAsync("escalation contacts");
        await Assertions.Expect(page.Locator("#records-audit")).ToContainTextAsync("Read by Alex M. (paramedic)");
        await Assertions.Expect(page.Locator("#records-audit")).ToContainTextAsync("recorded on the ledger (1) and on the card.");
        await browser.ScreenshotAsync("emergency-summary-records");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await browser.ScreenshotAsync("emergency-handover-print");
        Assert.False(await page.Locator("aside.simulator").IsVisibleAsync());
        Assert.False(await record.Locator(".record-text").IsVisibleAsync());
        Assert.True(await page.Locator("#records-audit").IsVisibleAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.ClickAsync("#sim-remove");
        await Assertions.Expect(page.Locator("#resuscitation")).ToBeVisibleAsync();

        // No activity: the member of staff is signed out and the patient's data goes with the session.
        await Assertions.Expect(page.Locator("section[data-stage=SignedOut]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await browser.ScreenshotAsync("emergency-idle-signed-out");
        // The station's screen, not the simulator panel (which names its demo cards).
        var text = await page.Locator(".topbar").InnerTextAsync() + await page.Locator("section[data-stage=SignedOut]").InnerTextAsync();
        Assert.DoesNotContain("penicillin", text, StringComparison.Ordinal);
        Assert.DoesNotContain("escalation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", text, StringComparison.Ordinal);

        await Kiosk.DisposeAsync();
        var output = Kiosk.Output;
        kiosk = null;
        Assert.DoesNotContain("Tallia", output, StringComparison.Ordinal);
        Assert.DoesNotContain("penicillin", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Morgan", output, StringComparison.Ordinal);
        var audits = await EmergencyAccessesAsync(Path.Combine(dataFolder, "ledger.db"));
        var audit = Assert.Single(audits);
        Assert.Equal(EmergencyRecordReader.AuditReason, audit.Reason);
    }

    [Fact]
    public async Task WrongStaffPin_SaysAttemptsLeft_NotSignedIn()
    {
        await using var browser = await BrowserSession.OpenAsync(Kiosk.Url);
        var page = browser.Page;
        await page.ClickAsync("button.sim-tap[data-card=paramedic]");

        await EmergencyStationPage.EnterPinAsync(page, "9999");

        await Assertions.Expect(page.Locator("#pin-message")).ToHaveTextAsync("Wrong PIN. 4 attempts left.");
        await browser.ScreenshotAsync("emergency-wrong-staff-pin");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        Assert.Equal(0, await page.Locator("#staff-bar").CountAsync());
    }

    [Fact]
    public async Task PatientCardWithoutSignIn_RefusedInPlainLanguage()
    {
        await using var browser = await BrowserSession.OpenAsync(Kiosk.Url);
        var page = browser.Page;

        await page.ClickAsync("button.sim-tap[data-card=jenny]");

        await Assertions.Expect(page.Locator("#signin-problem")).ToHaveTextAsync("This is a patient card. Staff sign in with their own staff card.");
        await browser.ScreenshotAsync("emergency-patient-card-signed-out");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        Assert.Equal(0, await page.Locator("#summary").CountAsync());
        Assert.DoesNotContain("penicillin", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedIn_LostCardRevokedOnTheLedger_SummaryWithAWarning()
    {
        await using var browser = await BrowserSession.OpenAsync(Kiosk.Url);
        var page = browser.Page;
        await EmergencyStationPage.SignInWithSimulatorAsync(page);

        await page.ClickAsync("button.sim-tap[data-card=omar-lost]");

        await Assertions.Expect(page.Locator("#revoked-warning")).ToHaveTextAsync("This card was reported lost. The summary may be out of date: check who the patient is.");
        await Assertions.Expect(page.Locator("#resuscitation")).ToHaveTextAsync("DO NOT RESUSCITATE");
        await browser.ScreenshotAsync("emergency-revoked-card-warning");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
    }

    [Fact]
    public async Task SignedIn_Tap_ShowsCriticalFirst_KeptAfterRemovalForHandOver_StaffCardSaysSo()
    {
        await using var browser = await BrowserSession.OpenAsync(Kiosk.Url);
        var page = browser.Page;
        await EmergencyStationPage.SignInWithSimulatorAsync(page);

        await page.ClickAsync("button.sim-tap[data-card=omar]");

        await Assertions.Expect(page.Locator("#resuscitation")).ToHaveTextAsync("DO NOT RESUSCITATE");
        await Assertions.Expect(page.Locator("#allergies-none")).ToHaveTextAsync("No known allergies");
        await Assertions.Expect(page.Locator("#medications li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#author")).ToContainTextAsync("author signature verified");
        var headings = await page.Locator("#summary h2").AllInnerTextsAsync();
        Assert.Equal(["Allergies", "Resuscitation", "Medications", "Problems"], headings.Take(4));
        await Assertions.Expect(page.Locator("#records")).ToHaveAttributeAsync("data-records", "Loaded");
        await page.ClickAsync("#sim-remove");
        await Assertions.Expect(page.Locator("#resuscitation")).ToBeVisibleAsync();
        await page.ClickAsync("#clear");
        await Assertions.Expect(page.Locator("section.screen")).ToHaveAttributeAsync("data-stage", "Idle");

        await page.ClickAsync("button.sim-tap[data-card=paramedic]");
        await Assertions.Expect(page.Locator("#staff-card")).ToHaveTextAsync("This is a staff card. Tap the patient's card to read their emergency summary.");
        await browser.ScreenshotAsync("emergency-staff-card-signed-in");
        await page.ClickAsync("#sign-out");
        await Assertions.Expect(page.Locator("section[data-stage=SignedOut]")).ToBeVisibleAsync();
    }

    internal static async Task<List<EmergencyAccess>> EmergencyAccessesAsync(string ledgerPath)
    {
        var found = new List<EmergencyAccess>();
        using (var ledger = new SqliteLedger(new SqliteLedgerOptions { Path = ledgerPath }))
        {
            await foreach (var entry in ledger.ReadSinceAsync(0))
            {
                if (entry.Kind == LedgerEntryKinds.EmergencyAccess)
                {
                    found.Add(EmergencyAccess.Parse(entry.Body));
                }
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return found;
    }

    public async Task DisposeAsync()
    {
        if (kiosk is not null)
        {
            await kiosk.DisposeAsync();
        }

        Directory.Delete(dataFolder, recursive: true);
    }
}
