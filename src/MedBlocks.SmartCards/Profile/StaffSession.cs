using MedBlocks.Core.Participants;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// A member of staff signed in at a station with card and PIN. It holds the unlocked keys until
/// <see cref="SignOut"/> (or <see cref="Dispose"/>), or until <see cref="ExpiresAt"/>, whichever comes
/// first; then the keys are zeroed and every use throws <see cref="StaffSessionEndedException"/>.
/// </summary>
public sealed class StaffSession : IEntrySigner, IDisposable
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private Participant? _keys;

    internal StaffSession(CardIdentity identity, Participant keys, TimeProvider time, TimeSpan lifetime)
    {
        Role = identity.Role;
        Address = identity.Address;
        DisplayName = identity.Name;
        CardSerial = identity.Serial;
        _keys = keys;
        _time = time;
        SignedInAt = time.GetUtcNow();
        ExpiresAt = SignedInAt + lifetime;
    }

    public CardHolderRole Role { get; }

    /// <summary>The staff member's ledger address (base58 Ed25519 public key).</summary>
    public string Address { get; }

    /// <summary>The name printed on the card, for the station's screen only (never logged).</summary>
    public string DisplayName { get; }

    public string CardSerial { get; }

    public DateTimeOffset SignedInAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Whether the keys are still held (not signed out, not expired).</summary>
    public bool IsSignedIn
    {
        get
        {
            lock (_lock)
            {
                return CurrentKeys() is not null;
            }
        }
    }

    /// <summary>Signs with the staff member's Ed25519 key (a ledger entry, an emergency summary).</summary>
    /// <exception cref="StaffSessionEndedException">Signed out or expired.</exception>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        lock (_lock)
        {
            return RequireKeys().Sign(message);
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> with the unlocked participant (to add a record, read a granted one).
    /// The participant belongs to the session: do not keep or dispose it.
    /// </summary>
    /// <exception cref="StaffSessionEndedException">Signed out or expired.</exception>
    public async Task<T> UseKeysAsync<T>(Func<Participant, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Participant keys;
        lock (_lock)
        {
            keys = RequireKeys();
        }

        return await action(keys).ConfigureAwait(false);
    }

    /// <summary>Ends the session and zeroes the keys; safe to call more than once.</summary>
    public void SignOut()
    {
        lock (_lock)
        {
            _keys?.Dispose();
            _keys = null;
        }
    }

    public void Dispose() => SignOut();

    private Participant RequireKeys() => CurrentKeys() ?? throw new StaffSessionEndedException();

    private Participant? CurrentKeys()
    {
        if (_keys is not null && _time.GetUtcNow() >= ExpiresAt)
        {
            _keys.Dispose();
            _keys = null;
        }

        return _keys;
    }
}
