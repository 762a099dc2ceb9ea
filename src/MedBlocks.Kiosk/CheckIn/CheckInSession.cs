using MedBlocks.Kiosk.Cards;

namespace MedBlocks.Kiosk.CheckIn;

/// <summary>
/// The check-in screen's state for one circuit: idle → greeting (card read) → ticket (confirmed) → idle,
/// with the optional consent step from the ticket while the card is still on the reader: consent
/// (records and clinician chosen) → PIN → shared. Every non-idle stage counts down to idle and every
/// action restarts the count; card removal clears a greeting or an unfinished consent at once. Nothing
/// identifying is kept after returning to idle.
/// </summary>
public sealed class CheckInSession : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private readonly ArrivalLog _arrivals;
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleTimeout;
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private DateTimeOffset _deadline;

    public CheckInSession(ArrivalLog arrivals, TimeProvider time, TimeSpan idleTimeout)
    {
        _arrivals = arrivals;
        _time = time;
        _idleTimeout = idleTimeout;
    }

    /// <summary>Raised after every change (on a timer thread or the caller's).</summary>
    public event Action? Changed;

    public CheckInStage Stage { get; private set; } = CheckInStage.Idle;

    public PatientGreeted? Greeting { get; private set; }

    public Arrival? Ticket { get; private set; }

    public CardProblemKind? Problem { get; private set; }

    public int SecondsLeft { get; private set; }

    /// <summary>The card that was greeted is still on the reader.</summary>
    public bool CardPresent { get; private set; }

    /// <summary>The patient checked in this circuit, kept for the consent step until idle.</summary>
    public PatientGreeted? Patient { get; private set; }

    /// <summary>The ticket screen offers the consent step (the greeted card is still on the reader).</summary>
    public bool CanShare => Stage == CheckInStage.Ticket && CardPresent && Patient is not null;

    public IReadOnlyList<ShareableRecord> Records { get; private set; } = [];

    public IReadOnlyList<Clinicians.Clinician> Clinicians { get; private set; } = [];

    public IReadOnlySet<string> Selected => _selected;

    public string? ClinicianAddress { get; private set; }

    /// <summary>The consent step can go on to the PIN: a record and a clinician chosen.</summary>
    public bool CanProceed => Stage == CheckInStage.Consent && _selected.Count > 0 && ClinicianAddress is not null;

    /// <summary>The message above the keypad (wrong PIN, lock-out).</summary>
    public string? PinMessage { get; private set; }

    /// <summary>The card is being worked on; card removal does not cut the screen short meanwhile.</summary>
    public bool Busy { get; private set; }

    public ConsentResult? Result { get; private set; }

    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);

    public void OnScreenEvent(ScreenEvent screenEvent)
    {
        ArgumentNullException.ThrowIfNull(screenEvent);
        lock (_lock)
        {
            switch (screenEvent)
            {
                case PatientGreeted greeted:
                    Clear();
                    Greeting = greeted;
                    Patient = greeted;
                    CardPresent = true;
                    Stage = CheckInStage.Greeting;
                    StartCountdown();
                    break;
                case CardProblem problem:
                    Clear();
                    Problem = problem.Kind;
                    Stage = CheckInStage.Problem;
                    StartCountdown();
                    break;
                case ReaderStatusChanged { Available: false }:
                    Clear();
                    Problem = CardProblemKind.ReaderUnavailable;
                    Stage = CheckInStage.Problem;
                    StartCountdown();
                    break;
                case CardLeft when Stage is CheckInStage.Greeting or CheckInStage.Consent || (Stage == CheckInStage.ConsentPin && !Busy):
                    ToIdle();
                    break;
                case CardLeft:
                    CardPresent = false;
                    break;
                default:
                    return;
            }
        }

        Changed?.Invoke();
    }

    /// <summary>The patient confirms the greeting: records the arrival and shows the ticket.</summary>
    public void Confirm()
    {
        lock (_lock)
        {
            if (Stage != CheckInStage.Greeting || Greeting is null)
            {
                return;
            }

            Ticket = _arrivals.Record(Greeting.MaskedName, Greeting.BirthYear, Greeting.Address);
            Patient = Greeting;
            Greeting = null;
            Stage = CheckInStage.Ticket;
            StartCountdown();
        }

        Changed?.Invoke();
    }

    /// <summary>From the ticket: the patient's records and the site's clinicians to choose from.</summary>
    public void BeginConsent(IReadOnlyList<ShareableRecord> records, IReadOnlyList<Clinicians.Clinician> clinicians)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(clinicians);
        Update(() =>
        {
            if (!CanShare)
            {
                return false;
            }

            Records = records;
            Clinicians = clinicians;
            _selected.Clear();
            ClinicianAddress = clinicians.Count == 1 ? clinicians[0].Address : null;
            Stage = CheckInStage.Consent;
            return true;
        });
    }

    public void Toggle(string medBlock) => Update(() =>
    {
        if (Stage != CheckInStage.Consent || Records.All(r => r.Hash != medBlock))
        {
            return false;
        }

        if (!_selected.Remove(medBlock))
        {
            _selected.Add(medBlock);
        }

        return true;
    });

    public void ChooseClinician(string address) => Update(() =>
    {
        if (Stage != CheckInStage.Consent || Clinicians.All(c => c.Address != address))
        {
            return false;
        }

        ClinicianAddress = address;
        return true;
    });

    /// <summary>On to the PIN keypad once records and a clinician are chosen.</summary>
    public void ToPin() => Update(() =>
    {
        if (!CanProceed)
        {
            return false;
        }

        PinMessage = null;
        Stage = CheckInStage.ConsentPin;
        return true;
    });

    /// <summary>Back from the PIN to the choice.</summary>
    public void BackToChoice() => Update(() =>
    {
        if (Stage != CheckInStage.ConsentPin || Busy)
        {
            return false;
        }

        PinMessage = null;
        Stage = CheckInStage.Consent;
        return true;
    });

    /// <summary>Keypad activity: the patient is still there.</summary>
    public void Touch() => Update(() => Stage != CheckInStage.Idle);

    public void GrantStarted() => Update(() =>
    {
        if (Stage != CheckInStage.ConsentPin)
        {
            return false;
        }

        Busy = true;
        PinMessage = null;
        return true;
    });

    /// <summary>The PIN was refused (wrong, locked out): the keypad stays with <paramref name="message"/>.</summary>
    public void PinRefused(string message) => Update(() =>
    {
        if (Stage != CheckInStage.ConsentPin)
        {
            return false;
        }

        Busy = false;
        PinMessage = message;
        return true;
    });

    public void GrantSucceeded(ConsentResult result) => Update(() =>
    {
        if (Stage != CheckInStage.ConsentPin)
        {
            return false;
        }

        Busy = false;
        Result = result;
        Records = [];
        _selected.Clear();
        Stage = CheckInStage.Shared;
        return true;
    });

    /// <summary>The consent step cannot go on: a plain-language problem screen, then idle.</summary>
    public void ConsentFailed(CardProblemKind problem, ConsentResult? partial = null) => Update(() =>
    {
        if (Stage is not (CheckInStage.Ticket or CheckInStage.Consent or CheckInStage.ConsentPin))
        {
            return false;
        }

        Clear();
        Problem = problem;
        Result = partial;
        Stage = CheckInStage.Problem;
        return true;
    });

    /// <summary>"Not me" / "Done": back to idle at once.</summary>
    public void Cancel()
    {
        lock (_lock)
        {
            ToIdle();
        }

        Changed?.Invoke();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _timer?.Dispose();
            _timer = null;
            Clear();
        }
    }

    private void Update(Func<bool> change)
    {
        lock (_lock)
        {
            if (!change())
            {
                return;
            }

            StartCountdown();
        }

        Changed?.Invoke();
    }

    private void StartCountdown()
    {
        _deadline = _time.GetUtcNow() + _idleTimeout;
        SecondsLeft = (int)Math.Ceiling(_idleTimeout.TotalSeconds);
        _timer ??= _time.CreateTimer(_ => OnTick(), null, Tick, Tick);
        _timer.Change(Tick, Tick);
    }

    private void OnTick()
    {
        lock (_lock)
        {
            if (Stage == CheckInStage.Idle)
            {
                return;
            }

            var left = _deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                ToIdle();
            }
            else
            {
                SecondsLeft = (int)Math.Ceiling(left.TotalSeconds);
            }
        }

        Changed?.Invoke();
    }

    private void ToIdle()
    {
        Clear();
        Stage = CheckInStage.Idle;
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void Clear()
    {
        Greeting = null;
        Ticket = null;
        Problem = null;
        SecondsLeft = 0;
        Patient = null;
        CardPresent = false;
        Records = [];
        Clinicians = [];
        _selected.Clear();
        ClinicianAddress = null;
        PinMessage = null;
        Busy = false;
        Result = null;
    }
}
