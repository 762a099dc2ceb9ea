using Bunit;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Components.Shared;
using MedBlocks.Kiosk.Tests.CheckIn;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.DependencyInjection;

namespace MedBlocks.Kiosk.Tests.Components;

public sealed class EmergencyScreenTests : IDisposable
{
    private readonly KioskTestKit kit = new();
    private readonly BunitContext context = new();
    private readonly ScreenEventHub hub = new();

    public EmergencyScreenTests()
    {
        context.Services.AddSingleton(hub);
        context.Services.AddSingleton<TimeProvider>(kit.Time);
        context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(kit.Options));
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private static EmergencySummary Summary(bool noneKnown) => new(
        AllergiesNoneKnown: noneKnown,
        Allergies: noneKnown ? [] : ["penicillin (anaphylaxis)"],
        Medications: [],
        Problems: ["asthma"],
        Resuscitation: ResuscitationStatus.DoNotResuscitate,
        BloodGroup: null,
        Contacts: [],
        Author: "8hZq1wYQJg1kZ5f8u4v6yWmFQ1nQyC2pQ9iK3sV7xLhA",
        Date: new DateOnly(2026, 11, 1));

    [Fact]
    public async Task Summary_CriticalFirst_ClearsAfterIdleTimeout()
    {
        var screen = context.Render<EmergencyScreen>();

        await hub.PublishAsync(new EmergencySummaryRead(Summary(noneKnown: false), "0123456789ABCDEF", KioskTestKit.Start));

        screen.WaitForAssertion(() => Assert.Equal("DO NOT RESUSCITATE", screen.Find("#resuscitation").TextContent));
        Assert.Equal(["Allergies", "Resuscitation", "Medications", "Problems"], screen.FindAll("#summary h2").Select(h => h.TextContent).Take(4));
        Assert.Equal("penicillin (anaphylaxis)", screen.Find("#allergies li").TextContent);
        Assert.Contains("None recorded", screen.Markup, StringComparison.Ordinal);
        Assert.Contains("2026-11-01", screen.Find("#author").TextContent, StringComparison.Ordinal);

        await hub.PublishAsync(new CardLeft(KioskTestKit.Start));
        Assert.NotEmpty(screen.FindAll("#summary"));

        kit.Time.Advance(TimeSpan.FromSeconds(30));
        screen.WaitForAssertion(() => Assert.Empty(screen.FindAll("#summary")));
        Assert.DoesNotContain("penicillin", screen.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_NoneKnown_SaysSoExplicitly()
    {
        var screen = context.Render<EmergencyScreen>();

        await hub.PublishAsync(new EmergencySummaryRead(Summary(noneKnown: true), "0123456789ABCDEF", KioskTestKit.Start));

        screen.WaitForAssertion(() => Assert.Equal("No known allergies", screen.Find("#allergies-none").TextContent));
    }

    [Fact]
    public async Task BadSignature_WarnsNotToRelyOnIt()
    {
        var screen = context.Render<EmergencyScreen>();

        await hub.PublishAsync(new CardProblem(CardProblemKind.BadSignature, KioskTestKit.Start));

        screen.WaitForAssertion(() => Assert.Contains("Do not rely on it", screen.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        context.Dispose();
        kit.Dispose();
    }
}
