using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>
/// The host as an enrolment station on the simulator: the registrar signs in, enrols a patient on the
/// blank demo card (pulled once mid-way, then written on the next tap), re-issues the card as lost; a
/// check-in station on the same data folder then greets the new card and refuses the lost one.
/// </summary>
public sealed partial class SimulatedEnrolmentEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("kiosk-e2e-enrolment-").FullName;
    private KioskProcess kiosk = null!;
    private bool kioskStopped;

    public async Task InitializeAsync() =>
        kiosk = await KioskProcess.StartAsync(dataFolder, ["--Kiosk:Role=Enrolment", "--Enrolment:KdfCost=Fast"], CancellationToken.None);

    [Fact]
    public async Task Enrol_PulledThenRetried_Reissue_ThenCheckInGreetsNewCardAndRefusesLostOne()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;
        await SignInAsync(browser);

        await page.ClickAsync("#enrol-new");
        await page.ClickAsync("#form-continue");
        await Assertions.Expect(page.Locator("#form-errors li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#form-errors")).ToContainTextAsync("Choose \"No known allergies\" or list the allergies.");
        await browser.ScreenshotAsync("enrolment-form-errors");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));

        await page.FillAsync("#f-name", "Lucia Fernandez");
        await page.FillAsync("#f-birth", "1984-06-02");
        await page.SelectOptionAsync("#f-sex", "female");
        await page.CheckAsync("#f-allergies-listed");
        await page.FillAsync("#f-allergies", "aspirin (hives)");
        await page.FillAsync("#f-medications", "ramipril 5 mg");
        await page.SelectOptionAsync("#f-resus", "FullResuscitation");
        await page.SelectOptionAsync("#f-blood", "B+");
        await page.FillAsync("#f-contact-name", "Marta Fernandez");
        await page.FillAsync("#f-contact-relation", "sister");
        await page.FillAsync("#f-contact-phone", "+34 600 000 000");
        await page.ClickAsync("#form-continue");
        await Assertions.Expect(page.Locator("#form-errors li")).ToHaveTextAsync(["Write each medication as: name, dose (for example: metformin, 500 mg twice daily)."]);
        await page.FillAsync("#f-medications", "ramipril, 5 mg daily");
        await browser.ScreenshotAsync("enrolment-form");
        await page.ClickAsync("#form-continue");

        await EnterPinAsync(page, "2580", ChoosePin);
        await EnterPinAsync(page, "2581", RepeatPin);
        await Assertions.Expect(page.Locator("#pin-message")).ToHaveTextAsync("The two PINs were different. Please choose the PIN again.");
        await EnterPinAsync(page, "2580", ChoosePin);
        await EnterPinAsync(page, "2580", RepeatPin);
        await Assertions.Expect(page.Locator("section.screen")).ToHaveAttributeAsync("data-stage", "Tap");

        // Pulled while the card is being secured: the card is left half-written.
        await page.ClickAsync("button.sim-tap[data-card=blank]");
        await page.Locator("#enrol-steps li[data-step=SecuringPicc]").WaitForAsync();
        await page.ClickAsync("#sim-remove");
        await Assertions.Expect(page.Locator("#enrol-problem")).ToHaveTextAsync("The card was taken away too soon. Hold the card still and tap again.", new() { Timeout = 60_000 });
        await browser.ScreenshotAsync("enrolment-card-pulled");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));

        await page.ClickAsync("button.sim-tap[data-card=blank]");
        await Assertions.Expect(page.Locator("#done-title")).ToHaveTextAsync("Card issued", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#enrol-steps li[data-step=RestartingInterrupted]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#enrol-steps li[data-step=DeclaringIdentity]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#enrol-steps li[data-step=VerifyingCheckIn]")).ToHaveCountAsync(1);
        output.WriteLine($"Enrolment (restarted card): {await page.Locator("#duration").InnerTextAsync()}");
        var firstSerial = Serial(await page.Locator("#done-for").InnerTextAsync());
        Assert.Contains("Lucia F., born 1984", await page.Locator("#done-for").InnerTextAsync(), StringComparison.Ordinal);
        var recoveryCode = await page.Locator("#recovery-code-shown").InnerTextAsync();
        Assert.Matches(RecoveryCodePattern(), recoveryCode);
        await browser.ScreenshotAsync("enrolment-done");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        var firstCardId = "issued-" + firstSerial[^6..].ToLowerInvariant();
        await Assertions.Expect(page.Locator($"button.sim-tap[data-card={firstCardId}]")).ToHaveTextAsync("Tap: Lucia F. (card issued here)");
        await Assertions.Expect(page.Locator("button.sim-tap[data-card=blank]")).ToHaveCountAsync(1);
        await page.ClickAsync("#sim-remove");
        await page.ClickAsync("#enrol-done");

        // Re-issue: a wrong code is refused before any card is touched.
        await page.ClickAsync("#enrol-reissue");
        await page.ClickAsync("button.backup");
        await page.FillAsync("#recovery-code", "0000-0000-0000-0000-0000");
        await page.ClickAsync("#code-check");
        await Assertions.Expect(page.Locator("#code-problem")).ToHaveTextAsync("This recovery code does not open the patient's backup. Check it with the patient.");
        await page.FillAsync("#recovery-code", recoveryCode.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        await browser.ScreenshotAsync("enrolment-reissue-code");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        await page.ClickAsync("#code-check");
        await EnterPinAsync(page, "1470", ChoosePin);
        await EnterPinAsync(page, "1470", RepeatPin);
        await page.ClickAsync("button.sim-tap[data-card=blank]");
        await Assertions.Expect(page.Locator("#done-revoked")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#recovery-code-shown")).ToHaveCountAsync(0);
        output.WriteLine($"Re-issue: {await page.Locator("#duration").InnerTextAsync()}");
        var secondSerial = Serial(await page.Locator("#done-for").InnerTextAsync());
        Assert.NotEqual(firstSerial, secondSerial);
        await browser.ScreenshotAsync("enrolment-reissue-done");
        await page.ClickAsync("#sim-remove");
        await page.ClickAsync("#sign-out");
        await Assertions.Expect(page.Locator("#signin-title")).ToBeVisibleAsync();

        Assert.DoesNotContain("Lucia", kiosk.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Fernandez", kiosk.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("1984", kiosk.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(recoveryCode, kiosk.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("2580", kiosk.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", kiosk.Output, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dataFolder, "backups")))
        {
            // The re-issue list keeps the masked name only; the full name is sealed under the recovery code.
            Assert.DoesNotContain("Fernandez", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }

        await kiosk.DisposeAsync();
        kioskStopped = true;
        await using var checkIn = await KioskProcess.StartAsync(dataFolder, [], CancellationToken.None);
        await using var desk = await BrowserSession.OpenAsync(checkIn.Url);
        var reissuedCardId = "issued-" + secondSerial[^6..].ToLowerInvariant();
        await desk.Page.ClickAsync($"button.sim-tap[data-card={reissuedCardId}]");
        await Assertions.Expect(desk.Page.Locator("h1.greeting")).ToHaveTextAsync("Hello Lucia F., born 1984");
        await desk.ScreenshotAsync("enrolment-new-card-at-checkin");
        await desk.Page.ClickAsync($"button.sim-tap[data-card={firstCardId}]");
        await Assertions.Expect(desk.Page.Locator("[role=alert]")).ToContainTextAsync("This card is no longer valid.");

        // The registrar-signed emergency summary verifies at a paramedic station.
        await using var emergency = await KioskProcess.StartAsync(dataFolder, ["--Kiosk:Role=Emergency"], CancellationToken.None);
        await using var crew = await BrowserSession.OpenAsync(emergency.Url);
        await EmergencyStationPage.SignInWithSimulatorAsync(crew.Page);
        await crew.Page.ClickAsync($"button.sim-tap[data-card={reissuedCardId}]");
        await Assertions.Expect(crew.Page.Locator("#allergies li").First).ToHaveTextAsync("aspirin (hives)");
        await Assertions.Expect(crew.Page.Locator("#author")).ToContainTextAsync("author signature verified");
        await crew.ScreenshotAsync("enrolment-new-card-at-paramedic-station");
    }

    [Fact]
    public async Task AlreadyIssuedCard_RefusedUntilStaffConfirmsFormat()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;
        await SignInAsync(browser);
        await page.ClickAsync("#enrol-new");
        await page.FillAsync("#f-name", "Noah Berg");
        await page.FillAsync("#f-birth", "2011-01-15");
        await page.SelectOptionAsync("#f-sex", "male");
        await page.CheckAsync("#f-allergies-none");
        await page.ClickAsync("#form-continue");
        await EnterPinAsync(page, "9876", ChoosePin);
        await EnterPinAsync(page, "9876", RepeatPin);

        await page.ClickAsync("button.sim-tap[data-card=ana]");

        await Assertions.Expect(page.Locator("#enrol-problem")).ToHaveAttributeAsync("data-problem", "AlreadyIssued");
        await browser.ScreenshotAsync("enrolment-already-issued");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        await page.ClickAsync("#format-confirm");
        await Assertions.Expect(page.Locator("#done-title")).ToHaveTextAsync("Card issued", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#done-for")).ToContainTextAsync("Noah B., born 2011");
    }

    private static async Task SignInAsync(BrowserSession browser)
    {
        var page = browser.Page;
        await browser.ScreenshotAsync("enrolment-signin");
        await page.ClickAsync("button.sim-tap[data-card=registrar]");
        await Assertions.Expect(page.Locator("#staff-who")).ToHaveTextAsync("Priya S., registrar");
        await EnterPinAsync(page, "1234", "Enter your card PIN");
        await Assertions.Expect(page.Locator("#staff-bar")).ToContainTextAsync("Signed in: Priya S. (registrar)");
        await page.ClickAsync("#sim-remove");
        await Assertions.Expect(page.Locator("section.screen")).ToHaveAttributeAsync("data-stage", "Menu");
    }

    private const string ChoosePin = "Patient: choose a PIN for your card (4 to 8 digits)";
    private const string RepeatPin = "Patient: enter the same PIN again";

    private static async Task EnterPinAsync(IPage page, string pin, string title)
    {
        // The keypad of the step expected, not the previous one still on screen.
        await Assertions.Expect(page.Locator(".keypad h2")).ToHaveTextAsync(title);
        foreach (var digit in pin)
        {
            await page.ClickAsync($".keypad button.key[data-digit='{digit}']");
        }

        await page.ClickAsync("#pin-ok");
    }

    private static string Serial(string doneText) => SerialPattern().Match(doneText).Value;

    [GeneratedRegex("[0-9A-F]{16}")]
    private static partial Regex SerialPattern();

    [GeneratedRegex("^([0-9A-Z]{4}-){4}[0-9A-Z]{4}$")]
    private static partial Regex RecoveryCodePattern();

    public async Task DisposeAsync()
    {
        if (!kioskStopped)
        {
            await kiosk.DisposeAsync();
        }

        Directory.Delete(dataFolder, recursive: true);
    }
}
