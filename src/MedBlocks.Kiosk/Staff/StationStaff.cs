using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Options;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk.Staff;

/// <summary>
/// Who is signed in at this station: a member of staff whose staff card and PIN opened a
/// <see cref="StaffSession"/>. Paramedic stations accept paramedics and practitioners, enrolment
/// stations registrars. The session ends on sign-out, after <see cref="KioskOptions.StaffIdleTimeout"/>
/// without <see cref="Touch"/>, or when the session's own lifetime runs out; its keys are zeroed then.
/// </summary>
public sealed partial class StationStaff : IDisposable
{
    private readonly CardInReader _card;
    private readonly StaffSignIn _signIn;
    private readonly TimeProvider _time;
    private readonly TimeSpan _idleTimeout;
    private readonly ILogger<StationStaff> _logger;
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private StaffSession? _session;
    private DateTimeOffset _idleDeadline;

    public StationStaff(
        CardInReader card,
        IKeyProvider keys,
        StationIdentity station,
        PinAttemptLimiter pinLimiter,
        IOptions<KioskOptions> options,
        TimeProvider time,
        ILogger<StationStaff> logger,
        ICardRevocationCheck? revocations = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _card = card;
        _time = time;
        _logger = logger;
        _idleTimeout = options.Value.StaffIdleTimeout;
        AllowedRoles = AllowedRolesFor(options.Value.Role);
        _signIn = new StaffSignIn(keys, station, AllowedRoles.Count > 0 ? AllowedRoles : [CardHolderRole.Practitioner], pinLimiter, time, revocations);
        _timer = time.CreateTimer(_ => Expire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Raised after sign-in and sign-out (on a timer thread or the caller's).</summary>
    public event Action? Changed;

    /// <summary>The staff roles this station signs in; empty where no one signs in (check-in).</summary>
    public IReadOnlySet<CardHolderRole> AllowedRoles { get; }

    /// <summary>The open session, or null when no one is signed in.</summary>
    public StaffSession? Current
    {
        get
        {
            lock (_lock)
            {
                return _session is { IsSignedIn: true } ? _session : null;
            }
        }
    }

    /// <summary>When the session ends without further activity.</summary>
    public DateTimeOffset? IdleDeadline
    {
        get
        {
            lock (_lock)
            {
                return _session is null ? null : _idleDeadline;
            }
        }
    }

    public static IReadOnlySet<CardHolderRole> AllowedRolesFor(KioskRole role) => role switch
    {
        KioskRole.Emergency => new HashSet<CardHolderRole> { CardHolderRole.Paramedic, CardHolderRole.Practitioner },
        KioskRole.Enrolment => new HashSet<CardHolderRole> { CardHolderRole.Registrar },
        _ => new HashSet<CardHolderRole>(),
    };

    /// <summary>Reads the staff card in the reader and says whose it is, before the PIN is asked.</summary>
    /// <exception cref="StaffSignInException">A patient card or a role this station does not accept.</exception>
    /// <exception cref="PatientCardException">A foreign, damaged or revoked card.</exception>
    /// <exception cref="MedBlocks.SmartCards.Transport.CardRemovedException">No card in the reader.</exception>
    public Task<CardIdentity> IdentifyAsync(CancellationToken cancellationToken) =>
        _card.UseAsync((transport, ct) => _signIn.IdentifyAsync(transport, ct), cancellationToken);

    /// <summary>Signs in the holder of the staff card in the reader, ending any earlier session.</summary>
    /// <exception cref="WrongPinException">Wrong PIN, with the attempts left.</exception>
    /// <exception cref="PinLockedOutException">Too many wrong PINs for this card recently.</exception>
    /// <exception cref="StaffSignInException">A patient card or a role this station does not accept.</exception>
    /// <exception cref="PatientCardException">A foreign, damaged or revoked card.</exception>
    public async Task<StaffSession> SignInAsync(string pin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pin);
        if (AllowedRoles.Count == 0)
        {
            throw new InvalidOperationException("No one signs in at a check-in station.");
        }

        var session = await _card.UseAsync((transport, ct) => _signIn.SignInAsync(transport, pin, ct), cancellationToken);
        StaffSession? previous;
        lock (_lock)
        {
            previous = _session;
            _session = session;
            _idleDeadline = _time.GetUtcNow() + _idleTimeout;
            ArmLocked();
        }

        previous?.Dispose();
        Log.SignedIn(_logger, session.Role, session.CardSerial[^4..]);
        Changed?.Invoke();
        return session;
    }

    /// <summary>Activity on screen: pushes the idle sign-out back.</summary>
    public void Touch()
    {
        lock (_lock)
        {
            if (_session is null)
            {
                return;
            }

            _idleDeadline = _time.GetUtcNow() + _idleTimeout;
            ArmLocked();
        }
    }

    public void SignOut() => End("signed out");

    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            _session?.Dispose();
            _session = null;
        }
    }

    private void ArmLocked()
    {
        var end = _session is null ? _idleDeadline : (_session.ExpiresAt < _idleDeadline ? _session.ExpiresAt : _idleDeadline);
        var due = end - _time.GetUtcNow();
        _timer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void Expire()
    {
        bool due;
        lock (_lock)
        {
            if (_session is null)
            {
                return;
            }

            var now = _time.GetUtcNow();
            due = now >= _idleDeadline || now >= _session.ExpiresAt;
            if (!due)
            {
                ArmLocked();
            }
        }

        if (due)
        {
            End("idle");
        }
    }

    private void End(string reason)
    {
        StaffSession? ended;
        lock (_lock)
        {
            ended = _session;
            _session = null;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        if (ended is null)
        {
            return;
        }

        Log.SignedOut(_logger, ended.Role, ended.CardSerial[^4..], reason);
        ended.Dispose();
        Changed?.Invoke();
    }

    private static partial class Log
    {
        [LoggerMessage(400, LogLevel.Information, "Staff signed in: {Role} card ending {SerialTail}")]
        public static partial void SignedIn(ILogger logger, CardHolderRole role, string serialTail);

        [LoggerMessage(401, LogLevel.Information, "Staff signed out ({Reason}): {Role} card ending {SerialTail}")]
        public static partial void SignedOut(ILogger logger, CardHolderRole role, string serialTail, string reason);
    }
}
