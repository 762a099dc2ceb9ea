namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Wrong-PIN counter per card serial, shared by a station's readers. After the free tries each further wrong PIN
/// locks the card out for a growing delay; a right PIN clears the count. The counts live in an
/// <see cref="IPinAttemptStore"/>: in memory by default, in a <see cref="PinAttemptFile"/> where they must outlive
/// the process.
/// </summary>
public sealed class PinAttemptLimiter
{
    private const int MaxTrackedCards = 10_000;
    private static readonly TimeSpan StaleAfter = TimeSpan.FromDays(1);
    private readonly IPinAttemptStore _store;
    private readonly TimeProvider _time;

    /// <param name="time">Clock of failures and delays.</param>
    /// <param name="policy">Free tries and delays (default <see cref="PinAttemptPolicy.Default"/>).</param>
    /// <param name="store">Where the counts are kept (default: in memory, for this instance).</param>
    public PinAttemptLimiter(TimeProvider time, PinAttemptPolicy? policy = null, IPinAttemptStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Policy = policy ?? PinAttemptPolicy.Default;
        _store = store ?? new MemoryPinAttemptStore();
    }

    public PinAttemptPolicy Policy { get; }

    /// <exception cref="PinLockedOutException">The card is locked out now.</exception>
    public void EnsureAllowed(string cardSerial)
    {
        var now = _time.GetUtcNow();
        if (_store.Find(cardSerial) is { } record && record.LockedUntil > now)
        {
            throw new PinLockedOutException(record.LockedUntil - now);
        }
    }

    /// <summary>Counts a wrong PIN; returns the exception the station shows.</summary>
    public WrongPinException RecordFailure(string cardSerial)
    {
        var now = _time.GetUtcNow();
        var failures = 0;
        var delay = TimeSpan.Zero;
        _store.Update(records =>
        {
            if (records.Count >= MaxTrackedCards && !records.ContainsKey(cardSerial))
            {
                foreach (var stale in records.Where(e => now - e.Value.LastFailure > StaleAfter).Select(e => e.Key).ToList())
                {
                    records.Remove(stale);
                }
            }

            failures = (records.TryGetValue(cardSerial, out var record) ? record.Failures : 0) + 1;
            delay = Policy.DelayAfter(failures);
            records[cardSerial] = new PinAttemptRecord(failures, now, now + delay);
        });
        return new WrongPinException(Math.Max(0, Policy.FreeAttempts - failures), delay);
    }

    public void RecordSuccess(string cardSerial)
    {
        if (_store.Find(cardSerial) is not null)
        {
            _store.Update(records => records.Remove(cardSerial));
        }
    }
}
