using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.CheckIn;

namespace MedBlocks.Kiosk.Tests.CheckIn;

public sealed class CheckInSessionTests : IDisposable
{
    private static readonly Clinicians.Clinician Clinician = new("Dr Ines Moreau", "Cardiology", "4SEim6D2SJGxpDcQFrDmkP4MWFtAtyZj43dEBWGFwqgr");

    private readonly KioskTestKit kit = new();

    private static ShareableRecord Record(string hash) => new(hash, "text/plain", KioskTestKit.Start, "Dr Aisha Rahman", false, new HashSet<string>());

    private CheckInSession ConsentStarted()
    {
        var session = new CheckInSession(kit.Arrivals, kit.Time, TimeSpan.FromSeconds(30));
        session.OnScreenEvent(KioskTestKit.Jenny());
        session.Confirm();
        session.BeginConsent([Record("b1"), Record("b2")], [Clinician, Clinician with { Name = "Dr Tom Okafor", Address = "9SEim6D2SJGxpDcQFrDmkP4MWFtAtyZj43dEBWGFwqgr" }]);
        Assert.Equal(CheckInStage.Consent, session.Stage);
        return session;
    }

    [Fact]
    public void Tap_Confirm_Timeout_GoesIdleGreetingTicketIdle()
    {
        using var session = new CheckInSession(kit.Arrivals, kit.Time, TimeSpan.FromSeconds(30));
        Assert.Equal(CheckInStage.Idle, session.Stage);

        session.OnScreenEvent(KioskTestKit.Jenny());
        Assert.Equal(CheckInStage.Greeting, session.Stage);
        Assert.Equal("Jenny T.", session.Greeting!.MaskedName);
        Assert.Equal(30, session.SecondsLeft);

        session.Confirm();
        Assert.Equal(CheckInStage.Ticket, session.Stage);
        Assert.Equal(1, session.Ticket!.Ticket);
        Assert.Null(session.Greeting);

        kit.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(20, session.SecondsLeft);
        kit.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(CheckInStage.Idle, session.Stage);
        Assert.Null(session.Ticket);
    }

    [Fact]
    public void Consent_EachChoiceRestartsTheCountdown_TimeoutClearsEverything()
    {
        using var session = ConsentStarted();
        kit.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(10, session.SecondsLeft);

        session.Toggle("b1");
        Assert.Equal(30, session.SecondsLeft);
        session.ChooseClinician(Clinician.Address);
        Assert.True(session.CanProceed);
        session.ToPin();
        Assert.Equal(CheckInStage.ConsentPin, session.Stage);
        kit.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(CheckInStage.Idle, session.Stage);
        Assert.Null(session.Patient);
        Assert.Empty(session.Records);
        Assert.Empty(session.Selected);
        Assert.Null(session.ClinicianAddress);
    }

    [Fact]
    public void Consent_UnknownRecordOrClinician_Ignored_CannotProceedWithoutBoth()
    {
        using var session = ConsentStarted();

        session.Toggle("not listed");
        session.ChooseClinician("not in the directory");
        session.ToPin();

        Assert.Empty(session.Selected);
        Assert.Null(session.ClinicianAddress);
        Assert.Equal(CheckInStage.Consent, session.Stage);
    }

    [Fact]
    public void ConsentPin_CardRemovedWhileBusy_KeepsScreenUntilTheGrantAnswers()
    {
        using var session = ConsentStarted();
        session.Toggle("b1");
        session.ChooseClinician(Clinician.Address);
        session.ToPin();
        session.GrantStarted();

        session.OnScreenEvent(new CardLeft(KioskTestKit.Start));
        Assert.Equal(CheckInStage.ConsentPin, session.Stage);
        session.ConsentFailed(CardProblemKind.CardPulled);

        Assert.Equal(CheckInStage.Problem, session.Stage);
        Assert.Null(session.Patient);
    }

    [Fact]
    public void Ticket_AfterCardRemoved_ConsentNotOffered()
    {
        using var session = new CheckInSession(kit.Arrivals, kit.Time, TimeSpan.FromSeconds(30));
        session.OnScreenEvent(KioskTestKit.Jenny());
        session.Confirm();
        Assert.True(session.CanShare);

        session.OnScreenEvent(new CardLeft(KioskTestKit.Start));
        session.BeginConsent([Record("b1")], [Clinician]);

        Assert.False(session.CanShare);
        Assert.Equal(CheckInStage.Ticket, session.Stage);
    }

    [Fact]
    public void Greeting_CardRemoved_ClearsAtOnce()
    {
        using var session = new CheckInSession(kit.Arrivals, kit.Time, TimeSpan.FromSeconds(30));
        session.OnScreenEvent(KioskTestKit.Jenny());

        session.OnScreenEvent(new CardLeft(KioskTestKit.Start));

        Assert.Equal(CheckInStage.Idle, session.Stage);
        Assert.Null(session.Greeting);
        Assert.Empty(kit.Arrivals.Today());
    }

    [Fact]
    public void Greeting_NoInteraction_TimesOutWithoutRecordingArrival()
    {
        using var session = new CheckInSession(kit.Arrivals, kit.Time, TimeSpan.FromSeconds(30));
        session.OnScreenEvent(KioskTestKit.Jenny());

        kit.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(CheckInStage.Greeting, session.Stage);
        Assert.Equal(1, session.SecondsLeft);
        kit.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(CheckInStage.Idle, session.Stage);
        Assert.Null(session.Greeting);
        Assert.Empty(kit.Arrivals.Today());
    }

    [Fact]
    public void Ticket_CardRemoved_KeepsTicketUntilTimeout()
    {
        using var session = new CheckInSession(kit.Arrivals, kit.Time, TimeSpan.FromSeconds(30));
        session.OnScreenEvent(KioskTestKit.Jenny());
        session.Confirm();

        session.OnScreenEvent(new CardLeft(KioskTestKit.Start));

        Assert.Equal(CheckInStage.Ticket, session.Stage);
    }

    [Fact]
    public void Problem_ShowsKindThenReturnsIdle()
    {
        using var session = new CheckInSession(kit.Arrivals, kit.Time, TimeSpan.FromSeconds(30));
        session.OnScreenEvent(new CardProblem(CardProblemKind.Revoked, KioskTestKit.Start));
        Assert.Equal(CheckInStage.Problem, session.Stage);
        Assert.Equal(CardProblemKind.Revoked, session.Problem);

        kit.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(CheckInStage.Idle, session.Stage);
        Assert.Null(session.Problem);
    }

    [Fact]
    public void ReaderDetached_ShowsReaderProblem()
    {
        using var session = new CheckInSession(kit.Arrivals, kit.Time, TimeSpan.FromSeconds(30));

        session.OnScreenEvent(new ReaderStatusChanged(false, KioskTestKit.Start));

        Assert.Equal(CardProblemKind.ReaderUnavailable, session.Problem);
    }

    [Fact]
    public void Confirm_WhenIdle_RecordsNothing()
    {
        using var session = new CheckInSession(kit.Arrivals, kit.Time, TimeSpan.FromSeconds(30));

        session.Confirm();

        Assert.Equal(CheckInStage.Idle, session.Stage);
        Assert.Empty(kit.Arrivals.Today());
    }

    public void Dispose() => kit.Dispose();
}
