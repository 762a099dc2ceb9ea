using Bunit;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Components.Shared;
using MedBlocks.Kiosk.Tests.CheckIn;
using Microsoft.Extensions.DependencyInjection;

namespace MedBlocks.Kiosk.Tests.Components;

public sealed class CheckInScreenTests : IDisposable
{
    private readonly KioskTestKit kit = new();
    private readonly BunitContext context = new();
    private readonly ScreenEventHub hub = new();
    private readonly CheckInStationHarness station;

    public CheckInScreenTests()
    {
        station = new CheckInStationHarness(kit.Folder);
        context.Services.AddSingleton(hub);
        context.Services.AddSingleton(kit.Arrivals);
        context.Services.AddSingleton<TimeProvider>(kit.Time);
        context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(kit.Options));
        context.Services.AddSingleton(station.Consent);
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public async Task Tap_Confirm_Timeout_RendersIdleGreetingTicketIdle()
    {
        var screen = context.Render<CheckInScreen>();
        Assert.Contains("Please tap your card", screen.Markup, StringComparison.Ordinal);

        await hub.PublishAsync(KioskTestKit.Jenny());
        screen.WaitForAssertion(() => Assert.Equal("Hello Jenny T., born 2003", screen.Find("h1.greeting").TextContent));
        Assert.DoesNotContain("Tallia", screen.Markup, StringComparison.Ordinal);
        Assert.Contains("30 s", screen.Find("#countdown").TextContent, StringComparison.Ordinal);

        screen.Find("#confirm").Click();
        Assert.Equal("1", screen.Find("#ticket").TextContent);
        Assert.Single(kit.Arrivals.Today());

        kit.Time.Advance(TimeSpan.FromSeconds(5));
        screen.WaitForAssertion(() => Assert.Contains("25 s", screen.Find("#countdown").TextContent, StringComparison.Ordinal));
        kit.Time.Advance(TimeSpan.FromSeconds(25));
        screen.WaitForAssertion(() => Assert.Equal("Idle", screen.Find("section").GetAttribute("data-stage")));
        Assert.DoesNotContain("Jenny", screen.Markup, StringComparison.Ordinal);
        Assert.Empty(screen.FindAll("#countdown"));
    }

    [Fact]
    public async Task CardRemoved_DuringGreeting_LeavesNothingIdentifying()
    {
        var screen = context.Render<CheckInScreen>();
        await hub.PublishAsync(KioskTestKit.Jenny());
        screen.WaitForAssertion(() => Assert.NotEmpty(screen.FindAll("#confirm")));

        await hub.PublishAsync(new CardLeft(KioskTestKit.Start));

        screen.WaitForAssertion(() => Assert.Equal("Idle", screen.Find("section").GetAttribute("data-stage")));
        Assert.DoesNotContain("Jenny", screen.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("2003", screen.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_RendersFrenchThenEnglish()
    {
        var screen = context.Render<CheckInScreen>();

        screen.Find("button.lang").Click();
        Assert.Contains("Veuillez poser votre carte", screen.Markup, StringComparison.Ordinal);
        await hub.PublishAsync(KioskTestKit.Jenny());
        screen.WaitForAssertion(() => Assert.Equal("Bonjour Jenny T., né(e) en 2003", screen.Find("h1.greeting").TextContent));

        screen.Find("button.lang").Click();
        Assert.Equal("Hello Jenny T., born 2003", screen.Find("h1.greeting").TextContent);
    }

    [Theory]
    [InlineData(CardProblemKind.CardPulled, "Hold the card still and tap again")]
    [InlineData(CardProblemKind.Revoked, "no longer valid")]
    [InlineData(CardProblemKind.ForeignCard, "not a MedBlocks patient card")]
    public async Task Problem_ShowsPlainLanguageAlert_BackReturnsIdle(CardProblemKind kind, string expected)
    {
        var screen = context.Render<CheckInScreen>();

        await hub.PublishAsync(new CardProblem(kind, KioskTestKit.Start));

        screen.WaitForAssertion(() => Assert.Contains(expected, screen.Find("[role=alert]").TextContent, StringComparison.Ordinal));
        screen.Find("#back").Click();
        Assert.Equal("Idle", screen.Find("section").GetAttribute("data-stage"));
    }

    [Fact]
    public void Buttons_AreLabelledAndFocusable()
    {
        var screen = context.Render<CheckInScreen>();

        var language = screen.Find("button.lang");
        Assert.Equal("Passer en français", language.GetAttribute("aria-label"));
        Assert.Equal("polite", screen.Find("section").GetAttribute("aria-live"));
    }

    [Fact]
    public async Task Dispose_Unsubscribes()
    {
        var screen = context.Render<CheckInScreen>();
        screen.Instance.Dispose();

        await hub.PublishAsync(KioskTestKit.Jenny());

        Assert.DoesNotContain("Jenny", screen.Markup, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        context.Dispose();
        station.DisposeAsync().AsTask().GetAwaiter().GetResult();
        kit.Dispose();
    }
}
