using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>The running host in its embedded-defaults mode, driven from the simulator panel in headless Chromium.</summary>
public sealed class SimulatedCheckInEndToEndTests : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("kiosk-e2e-").FullName;
    private KioskProcess kiosk = null!;

    public async Task InitializeAsync() =>
        kiosk = await KioskProcess.StartAsync(dataFolder, ["--Kiosk:IdleTimeout=00:00:08"], CancellationToken.None);

    [Fact]
    public async Task Tap_Confirm_TicketListedForStaff_ThenIdleAfterTimeout()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;
        await browser.ScreenshotAsync("checkin-idle");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));

        await page.ClickAsync("button.sim-tap[data-card=jenny]");
        await Assertions.Expect(page.Locator("h1.greeting")).ToHaveTextAsync("Hello Jenny T., born 2003");
        Assert.DoesNotContain("Tallia", await page.Locator("section.screen").InnerTextAsync(), StringComparison.Ordinal);
        await browser.ScreenshotAsync("checkin-greeting");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));

        await page.ClickAsync("#confirm");
        await Assertions.Expect(page.Locator("#ticket")).ToHaveTextAsync("1");
        await browser.ScreenshotAsync("checkin-ticket");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));

        using var http = new HttpClient { BaseAddress = kiosk.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/staff/arrivals", UriKind.Relative))).StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("staff:demo staff password")));
        var staff = await http.GetStringAsync(new Uri("/staff/arrivals", UriKind.Relative));
        Assert.Contains("<td>Jenny T.</td>", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("Tallia", staff, StringComparison.Ordinal);

        await page.ClickAsync("#sim-remove");
        await Assertions.Expect(page.Locator("section.screen")).ToHaveAttributeAsync("data-stage", "Idle", new() { Timeout = 15_000 });
        Assert.DoesNotContain("Jenny", await page.Locator("section.screen").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Tallia", kiosk.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("2003", kiosk.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForeignCard_ShowsPlainLanguageScreen()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;

        await page.ClickAsync("button.sim-tap[data-card=foreign]");

        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("not a MedBlocks patient card");
        await browser.ScreenshotAsync("problem-foreign-card");
        Assert.Empty(await AxeCheck.SeriousViolationsAsync(page));
        await page.ClickAsync("#back");
        await Assertions.Expect(page.Locator("section.screen")).ToHaveAttributeAsync("data-stage", "Idle");
    }

    [Fact]
    public async Task CardRemovedDuringGreeting_ClearsScreen()
    {
        await using var browser = await BrowserSession.OpenAsync(kiosk.Url);
        var page = browser.Page;
        await page.ClickAsync("button.sim-tap[data-card=omar]");
        await Assertions.Expect(page.Locator("h1.greeting")).ToHaveTextAsync("Hello Omar H., born 1958");

        await page.ClickAsync("#sim-remove");

        await Assertions.Expect(page.Locator("section.screen")).ToHaveAttributeAsync("data-stage", "Idle");
        Assert.DoesNotContain("Omar", await page.Locator("section.screen").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_AnswersHealthy()
    {
        using var http = new HttpClient { BaseAddress = kiosk.Url };
        Assert.Equal("Healthy", await http.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    public async Task DisposeAsync()
    {
        await kiosk.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }
}
