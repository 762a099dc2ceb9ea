using Bunit;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Components.Shared;
using MedBlocks.Kiosk.Emergency;
using MedBlocks.Kiosk.Tests.Emergency;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

using MedBlocks.Kiosk.Tests.Demo;

namespace MedBlocks.Kiosk.Tests.Components;

/// <summary>
/// The paramedic screen's states over a real station (seeded demo site, simulated reader, staff signed in
/// with the demo paramedic's card and PIN) and a fake clock: signed out, signed in, summary, records
/// loading, loaded and unavailable, staff card, idle sign-out.
/// </summary>
#pragma warning disable CA1001 // xunit disposes the context and the station through IAsyncLifetime.
public sealed class EmergencyScreenTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>, IAsyncLifetime
#pragma warning restore CA1001
{
    private const string Serial = "0123456789ABCDEF";
    private const string Patient = "8hZq1wYQJg1kZ5f8u4v6yWmFQ1nQyC2pQ9iK3sV7xLhA";

    private readonly BunitContext context = new();
    private EmergencyStationHarness station = null!;

    public async Task InitializeAsync()
    {
        station = new EmergencyStationHarness(site);
        // The tests publish the records events themselves.
        await station.StartAsync(followRecords: false);
        context.Services.AddSingleton(station.Hub);
        context.Services.AddSingleton<TimeProvider>(station.Time);
        context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(station.Options));
        context.Services.AddSingleton(station.Staff);
        context.Services.AddSingleton(station.Card);
        context.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private DateTimeOffset Now => station.Time.GetUtcNow();

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

    private static EmergencyRecordList Records(bool available = true, bool cardLogged = true) => new(
        available,
        available
            ?
            [
                new("a1", "Dr Aisha Rahman", new DateTimeOffset(2026, 10, 2, 8, 0, 0, TimeSpan.Zero), "text/plain", EmergencyRecordState.Shown, "Emergency care plan", "Emergency care plan\nCall the cardiologist first."),
                new("b2", "Dr Ines Moreau", new DateTimeOffset(2026, 10, 3, 8, 0, 0, TimeSpan.Zero), "application/pdf", EmergencyRecordState.NotDisplayable),
                new("c3", "8hZq1wYQ…", new DateTimeOffset(2026, 10, 4, 8, 0, 0, TimeSpan.Zero), "text/plain", EmergencyRecordState.Tampered),
                new("d4", "Dr Tom Okafor", new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero), "text/plain", EmergencyRecordState.NoKey),
            ]
            : [],
        available ? 1 : 0,
        available ? 3 : 0,
        "Alex M.",
        CardHolderRole.Paramedic,
        new DateTimeOffset(2026, 11, 25, 9, 12, 0, TimeSpan.Zero),
        cardLogged);

    [Fact]
    public async Task SignedOut_SignInPanel_SummaryNeverShown()
    {
        var screen = context.Render<EmergencyScreen>();

        await station.Hub.PublishAsync(new EmergencySummaryRead(Summary(false), Serial, Now, Patient));

        Assert.Equal("SignedOut", screen.Find("section[data-interactive]").GetAttribute("data-stage"));
        Assert.Contains("Sign in with your staff card", screen.Find("#signin-needed").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(screen.FindAll("section.staff-signin"));
        Assert.Empty(screen.FindAll("#summary"));
        Assert.DoesNotContain("penicillin", screen.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedOut_PatientCardTapped_RefusedInPlainLanguage()
    {
        var screen = context.Render<EmergencyScreen>();

        await station.TapAsync("jenny");

        screen.WaitForAssertion(() => Assert.Equal("This is a patient card. Staff sign in with their own staff card.", screen.Find("#signin-problem").TextContent));
        Assert.Empty(screen.FindAll("#summary"));
        await station.RemoveAsync();
    }

    [Fact]
    public async Task SignedOut_StaffCardThenPin_SignsIn()
    {
        var screen = context.Render<EmergencyScreen>();

        await station.TapAsync("paramedic");
        screen.WaitForAssertion(() => Assert.Equal("Alex M., paramedic", screen.Find("#staff-who").TextContent));
        foreach (var digit in "1234")
        {
            screen.Find($"button[data-digit='{digit}']").Click();
        }

        await screen.Find("#pin-ok").ClickAsync(new());

        screen.WaitForAssertion(() => Assert.Equal("Signed in: Alex M. (paramedic)", screen.Find("#staff-bar #staff-who").TextContent));
        Assert.Equal("Idle", screen.Find("section.emergency").GetAttribute("data-stage"));
        await station.RemoveAsync();
    }

    [Fact]
    public async Task SignedIn_WhoAndIdleCountdown_SignOutClearsTheSummary()
    {
        await station.SignInAsync();
        var screen = context.Render<EmergencyScreen>();
        Assert.Equal("Signed in: Alex M. (paramedic)", screen.Find("#staff-who").TextContent);
        Assert.Equal("Signs out in 5:00", screen.Find("#staff-idle").TextContent);

        station.Time.Advance(TimeSpan.FromSeconds(61));
        screen.WaitForAssertion(() => Assert.Equal("Signs out in 3:59", screen.Find("#staff-idle").TextContent));
        await station.Hub.PublishAsync(new EmergencySummaryRead(Summary(false), Serial, Now, Patient));
        screen.WaitForAssertion(() => Assert.NotEmpty(screen.FindAll("#summary")));
        Assert.Equal("Signs out in 5:00", screen.Find("#staff-idle").TextContent);

        screen.Find("#sign-out").Click();

        screen.WaitForAssertion(() => Assert.Equal("SignedOut", screen.Find("section[data-interactive]").GetAttribute("data-stage")));
        Assert.Null(station.Staff.Current);
        Assert.DoesNotContain("penicillin", screen.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_CriticalFirst_ClearsAfterIdleTimeout()
    {
        await station.SignInAsync();
        var screen = context.Render<EmergencyScreen>();

        await station.Hub.PublishAsync(new EmergencySummaryRead(Summary(noneKnown: false), Serial, Now));

        screen.WaitForAssertion(() => Assert.Equal("DO NOT RESUSCITATE", screen.Find("#resuscitation").TextContent));
        Assert.Equal(["Allergies", "Resuscitation", "Medications", "Problems"], screen.FindAll("#summary h2").Select(h => h.TextContent).Take(4));
        Assert.Equal("penicillin (anaphylaxis)", screen.Find("#allergies li").TextContent);
        Assert.Contains("None recorded", screen.Markup, StringComparison.Ordinal);
        Assert.Contains("2026-11-01", screen.Find("#author").TextContent, StringComparison.Ordinal);
        Assert.Empty(screen.FindAll("#revoked-warning"));
        Assert.Equal("NoAddress", screen.Find("#records").GetAttribute("data-records"));

        await station.Hub.PublishAsync(new CardLeft(Now));
        Assert.NotEmpty(screen.FindAll("#summary"));

        station.Time.Advance(TimeSpan.FromSeconds(30));
        screen.WaitForAssertion(() => Assert.Empty(screen.FindAll("#summary")));
        Assert.DoesNotContain("penicillin", screen.Markup, StringComparison.Ordinal);
        Assert.NotNull(station.Staff.Current);
    }

    [Fact]
    public async Task Summary_OfARevokedCard_ShownWithAWarningFirst()
    {
        await station.SignInAsync();
        var screen = context.Render<EmergencyScreen>();

        await station.Hub.PublishAsync(new EmergencySummaryRead(Summary(noneKnown: false), Serial, Now, Patient, MedBlocks.Core.Ledger.CardRevocationReason.Stolen));

        screen.WaitForAssertion(() => Assert.Equal(
            "This card was reported stolen. Check who the patient is before relying on the summary.",
            screen.Find("#revoked-warning").TextContent));
        Assert.Equal("penicillin (anaphylaxis)", screen.Find("#allergies li").TextContent);
        Assert.Equal("alert", screen.Find("#revoked-warning").GetAttribute("role"));
    }

    [Fact]
    public async Task Summary_NoneKnown_SaysSoExplicitly()
    {
        await station.SignInAsync();
        var screen = context.Render<EmergencyScreen>();

        await station.Hub.PublishAsync(new EmergencySummaryRead(Summary(noneKnown: true), Serial, Now));

        screen.WaitForAssertion(() => Assert.Equal("No known allergies", screen.Find("#allergies-none").TextContent));
    }

    [Fact]
    public async Task Records_LoadingThenLoaded_EachStateInPlainLanguage_AuditLine()
    {
        await station.SignInAsync();
        var screen = context.Render<EmergencyScreen>();
        var tap = Now;

        await station.Hub.PublishAsync(new EmergencySummaryRead(Summary(false), Serial, tap, Patient));
        screen.WaitForAssertion(() => Assert.Equal("Loading", screen.Find("#records").GetAttribute("data-records")));
        Assert.Equal("Looking for the patient's emergency records online…", screen.Find("#records-note").TextContent);

        // A late answer for another tap is not shown with this patient's summary.
        await station.Hub.PublishAsync(new EmergencyRecordsRead("FEDCBA9876543210", tap, Records()));
        Assert.Equal("Loading", screen.Find("#records").GetAttribute("data-records"));

        await station.Hub.PublishAsync(new EmergencyRecordsRead(Serial, tap, Records()));

        screen.WaitForAssertion(() => Assert.Equal("Loaded", screen.Find("#records").GetAttribute("data-records")));
        var records = screen.FindAll("article.record");
        Assert.Equal(["Shown", "NotDisplayable", "Tampered", "NoKey"], records.Select(r => r.GetAttribute("data-state")));
        Assert.Equal("Emergency care plan", records[0].QuerySelector("h3")!.TextContent);
        Assert.Equal("By Dr Aisha Rahman on 2026-10-02", records[0].QuerySelector(".record-meta")!.TextContent);
        Assert.Contains("Call the cardiologist first.", records[0].QuerySelector(".record-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("This record (application/pdf) cannot be displayed on this station.", records[1].QuerySelector(".record-state")!.TextContent);
        Assert.Equal("This record could not be verified and is not shown.", records[2].QuerySelector(".record-state")!.TextContent);
        Assert.Equal("You hold no key for this record; it cannot be read here.", records[3].QuerySelector(".record-state")!.TextContent);
        Assert.Equal("1 record(s) withheld by the patient were not read.", screen.Find("#records-withheld").TextContent);
        Assert.Equal("Read by Alex M. (paramedic) at 09:12 UTC; recorded on the ledger (3) and on the card.", screen.Find("#records-audit").TextContent);
        Assert.Equal("DO NOT RESUSCITATE", screen.Find("#resuscitation").TextContent);
    }

    [Fact]
    public async Task Records_Unavailable_SummaryStays()
    {
        await station.SignInAsync();
        var screen = context.Render<EmergencyScreen>();
        var tap = Now;

        await station.Hub.PublishAsync(new EmergencySummaryRead(Summary(false), Serial, tap, Patient));
        await station.Hub.PublishAsync(new EmergencyRecordsRead(Serial, tap, Records(available: false)));

        screen.WaitForAssertion(() => Assert.Equal("Unavailable", screen.Find("#records").GetAttribute("data-records")));
        Assert.Equal("Online records unavailable. The summary above, from the card, is all there is for now.", screen.Find("#records-note").TextContent);
        Assert.Equal("DO NOT RESUSCITATE", screen.Find("#resuscitation").TextContent);
    }

    [Fact]
    public async Task Records_StoreUnreachableForAll_SaysOnlineRecordsUnavailable()
    {
        await station.SignInAsync();
        var screen = context.Render<EmergencyScreen>();
        var tap = Now;
        var unreachable = Records() with { Records = [new("a1", "Dr Aisha Rahman", tap, "text/plain", EmergencyRecordState.Unavailable)], Withheld = 0 };

        await station.Hub.PublishAsync(new EmergencySummaryRead(Summary(false), Serial, tap, Patient));
        await station.Hub.PublishAsync(new EmergencyRecordsRead(Serial, tap, unreachable));

        screen.WaitForAssertion(() => Assert.StartsWith("Online records unavailable.", screen.Find("#records-note").TextContent, StringComparison.Ordinal));
        Assert.Equal("This record could not be fetched just now.", screen.Find("article.record .record-state").TextContent);
        Assert.Equal("DO NOT RESUSCITATE", screen.Find("#resuscitation").TextContent);
    }

    [Fact]
    public async Task Records_ArrivingBeforeTheirSummary_StillPaired_CardLeftBeforeLog()
    {
        await station.SignInAsync();
        var screen = context.Render<EmergencyScreen>();
        var tap = Now;

        await station.Hub.PublishAsync(new EmergencyRecordsRead(Serial, tap, Records(cardLogged: false)));
        await station.Hub.PublishAsync(new EmergencySummaryRead(Summary(false), Serial, tap, Patient));

        screen.WaitForAssertion(() => Assert.Equal("Loaded", screen.Find("#records").GetAttribute("data-records")));
        Assert.Contains("the card had left, so not on the card", screen.Find("#records-audit").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffCardTapped_SaysStaffCard()
    {
        await station.SignInAsync();
        var screen = context.Render<EmergencyScreen>();

        await station.TapAsync("registrar");

        screen.WaitForAssertion(() => Assert.Equal("This is a staff card. Tap the patient's card to read their emergency summary.", screen.Find("#staff-card").TextContent));
        Assert.Empty(screen.FindAll("#summary"));
        await station.RemoveAsync();
    }

    [Fact]
    public async Task BadSignature_WarnsNotToRelyOnIt()
    {
        await station.SignInAsync();
        var screen = context.Render<EmergencyScreen>();

        await station.Hub.PublishAsync(new CardProblem(CardProblemKind.BadSignature, Now));

        screen.WaitForAssertion(() => Assert.Contains("Do not rely on it", screen.Find("[role=alert]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task IdleSignOut_ClearsSummaryAndRecords()
    {
        station.Options.IdleTimeout = TimeSpan.FromMinutes(10);
        await station.SignInAsync();
        var screen = context.Render<EmergencyScreen>();
        var tap = Now;
        await station.Hub.PublishAsync(new EmergencySummaryRead(Summary(false), Serial, tap, Patient));
        await station.Hub.PublishAsync(new EmergencyRecordsRead(Serial, tap, Records()));
        screen.WaitForAssertion(() => Assert.Equal("Loaded", screen.Find("#records").GetAttribute("data-records")));

        station.Time.Advance(TimeSpan.FromMinutes(5));

        screen.WaitForAssertion(() => Assert.Equal("SignedOut", screen.Find("section[data-interactive]").GetAttribute("data-stage")));
        Assert.Null(station.Staff.Current);
        Assert.DoesNotContain("penicillin", screen.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("cardiologist", screen.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", screen.Markup, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await station.DisposeAsync();
    }
}
