using MedBlocks.SmartCards.Transport;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Staff sign-in at a station: a staff card read with K2 (the same read as a patient check-in,
/// logged on the card), its role checked against the roles this station accepts, then the key
/// material opened with the PIN under the station's <see cref="PinAttemptLimiter"/>. With an
/// <see cref="ICardRevocationCheck"/>, a staff card revoked on the ledger is refused before any PIN is asked
/// (<see cref="StaffSignInError.Revoked"/>); the card's log still shows the read.
/// </summary>
public sealed class StaffSignIn
{
    /// <summary>How long a session keeps its keys when the station does not say otherwise.</summary>
    public static readonly TimeSpan DefaultSessionLifetime = TimeSpan.FromHours(1);

    private readonly IKeyProvider _keys;
    private readonly StationIdentity _station;
    private readonly PinAttemptLimiter _pinLimiter;
    private readonly TimeProvider _time;
    private readonly ICardRevocationCheck? _revocations;
    private readonly HashSet<CardHolderRole> _allowedRoles;
    private readonly TimeSpan _sessionLifetime;

    /// <param name="keys">Must provide the read key (K2).</param>
    /// <param name="station">This station; its role goes into the card's access log.</param>
    /// <param name="allowedRoles">Staff roles that may sign in here; never <see cref="CardHolderRole.Patient"/>.</param>
    /// <param name="pinLimiter">The station's wrong-PIN counter, shared with its patient readers.</param>
    /// <param name="time">Clock of sessions and PIN delays.</param>
    /// <param name="revocations">Revoked-card lookup; null only offline.</param>
    /// <param name="sessionLifetime">How long a session keeps its keys (default one hour, at most twelve).</param>
    public StaffSignIn(
        IKeyProvider keys,
        StationIdentity station,
        IEnumerable<CardHolderRole> allowedRoles,
        PinAttemptLimiter pinLimiter,
        TimeProvider time,
        ICardRevocationCheck? revocations = null,
        TimeSpan? sessionLifetime = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(allowedRoles);
        ArgumentNullException.ThrowIfNull(pinLimiter);
        ArgumentNullException.ThrowIfNull(time);
        _allowedRoles = [.. allowedRoles];
        if (_allowedRoles.Count == 0 || _allowedRoles.Any(r => !r.IsStaff() || !Enum.IsDefined(r)))
        {
            throw new ArgumentException("A station accepts one or more staff roles (registrar, practitioner, paramedic), never patients.", nameof(allowedRoles));
        }

        _sessionLifetime = sessionLifetime ?? DefaultSessionLifetime;
        if (_sessionLifetime <= TimeSpan.Zero || _sessionLifetime > TimeSpan.FromHours(12))
        {
            throw new ArgumentOutOfRangeException(nameof(sessionLifetime), sessionLifetime, "A staff session lasts more than zero and at most twelve hours.");
        }

        _keys = keys;
        _station = station;
        _pinLimiter = pinLimiter;
        _time = time;
        _revocations = revocations;
    }

    /// <summary>Reads the card in the field and says whose staff card it is, before asking for the PIN.</summary>
    /// <exception cref="StaffSignInException">A patient card, a revoked staff card, or a role this station does not accept.</exception>
    /// <exception cref="PatientCardException">The card is foreign, damaged or not issued.</exception>
    public async Task<CardIdentity> IdentifyAsync(ICardTransport transport, CancellationToken cancellationToken = default)
    {
        using var reader = Reader(transport);
        return await ReadStaffIdentityAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs the card's holder in with the PIN; the caller disposes (signs out) the session.</summary>
    /// <exception cref="StaffSignInException">A patient card, a revoked staff card, or a role this station does not accept.</exception>
    /// <exception cref="PatientCardException">The card is foreign, damaged or not issued.</exception>
    /// <exception cref="WrongPinException">Wrong PIN; says how many tries are left.</exception>
    /// <exception cref="PinLockedOutException">Too many wrong PINs for this card recently.</exception>
    public async Task<StaffSession> SignInAsync(ICardTransport transport, string pin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pin);
        using var reader = Reader(transport);
        var identity = await ReadStaffIdentityAsync(reader, cancellationToken).ConfigureAwait(false);
        var keys = await reader.UnlockKeyMaterialAsync(pin, cancellationToken).ConfigureAwait(false);
        return new StaffSession(identity, keys, _time, _sessionLifetime);
    }

    // The revocation check is made here, after the patient-card check, so that a revoked patient card is still named as a patient card.
    private PatientCardReader Reader(ICardTransport transport) => new(transport, _keys, _station, _pinLimiter, _time);

    private async Task<CardIdentity> ReadStaffIdentityAsync(PatientCardReader reader, CancellationToken cancellationToken)
    {
        var identity = (await reader.ReadForCheckInAsync(cancellationToken).ConfigureAwait(false)).Identity;
        if (!identity.Role.IsStaff())
        {
            throw new StaffSignInException(StaffSignInError.PatientCard, "This is a patient card. Staff sign in with their staff card.");
        }

        if (_revocations is not null && await _revocations.GetRevocationAsync(identity.Address, identity.Serial, cancellationToken).ConfigureAwait(false) is { } reason)
        {
            throw new StaffSignInException(
                StaffSignInError.Revoked,
                $"This staff card was revoked ({reason.ToString().ToLowerInvariant()}) and signs nobody in. Sign in with your replacement card, or ask a registrar for one.");
        }

        if (!_allowedRoles.Contains(identity.Role))
        {
            throw new StaffSignInException(
                StaffSignInError.RoleNotAllowed,
                $"A {identity.Role.ToName()} card does not sign in at this station; it accepts {string.Join(", ", _allowedRoles.Order().Select(r => r.ToName()))}.");
        }

        return identity;
    }
}
