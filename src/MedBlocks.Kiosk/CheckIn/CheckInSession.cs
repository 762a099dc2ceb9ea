using MedBlocks.Kiosk.Cards;

namespace MedBlocks.Kiosk.CheckIn;

/// <summary>
/// The check-in screen's state for one circuit: idle → greeting (card read) → ticket (confirmed) → idle.
/// Every non-idle stage counts down to idle; card removal clears a greeting at once. Nothing
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
                case CardLeft when Stage == CheckInStage.Greeting:
                    ToIdle();
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
            Greeting = null;
            Stage = CheckInStage.Ticket;
            StartCountdown();
        }

        Changed?.Invoke();
    }

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
    }
}
