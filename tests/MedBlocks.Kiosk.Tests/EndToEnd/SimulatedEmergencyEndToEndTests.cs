using Microsoft.Playwright;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>The host as a paramedic station: the emergency summary is read from the card offline.</summary>
public sealed class SimulatedEmergencyEndToEndTests : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("kiosk-e2e-emergency-").FullName;
    private KioskProcess kiosk = null!;

    public async Task InitializeAsync() =>
        kiosk = await KioskProcess.StartAsync(dataFolder, ["--Kiosk:Role=Emergency"], CancellationToken.None);

    [Fact]
    public async Task Tap_ShowsCriticalFirst_KeptAfterRemovalForHandOver()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;
        await browser.ScreenshotAsync("emergency-idle");

        await page.ClickAsync("button.sim-tap[data-card=omar]");

        await Assertions.Expect(page.Locator("#resuscitation")).ToHaveTextAsync("DO NOT RESUSCITATE");
        await Assertions.Expect(page.Locator("#allergies-none")).ToHaveTextAsync("No known allergies");
        await Assertions.Expect(page.Locator("#medications li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#author")).ToContainTextAsync("author signature verified");
        var headings = await page.Locator("#summary h2").AllInnerTextsAsync();
        Assert.Equal(["Allergies", "Resuscitation", "Medications", "Problems"], headings.Take(4));
        await browser.ScreenshotAsync("emergency-summary");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await browser.ScreenshotAsync("emergency-print");
        Assert.False(await page.Locator("aside.simulator").IsVisibleAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.ClickAsync("#sim-remove");
        await Assertions.Expect(page.Locator("#resuscitation")).ToBeVisibleAsync();
        await page.ClickAsync("#clear");
        await Assertions.Expect(page.Locator("section.screen")).ToHaveAttributeAsync("data-stage", "Idle");
    }

    [Fact]
    public async Task Tap_AllergiesListed_WhenKnown()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);

        await browser.Page.ClickAsync("button.sim-tap[data-card=jenny]");

        await Assertions.Expect(browser.Page.Locator("#allergies li").First).ToHaveTextAsync("penicillin (anaphylaxis)");
        await Assertions.Expect(browser.Page.Locator("#blood-group")).ToHaveTextAsync("A+");
    }

    public async Task DisposeAsync()
    {
        await kiosk.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }
}
