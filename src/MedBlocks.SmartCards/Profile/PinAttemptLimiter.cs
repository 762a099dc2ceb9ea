namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// In-memory wrong-PIN counter per card serial, shared by a station's readers. After the free tries
/// each further wrong PIN locks the card out for a growing delay; a right PIN clears the count.
/// </summary>
public sealed class PinAttemptLimiter
{
    private const int MaxTrackedCards = 10_000;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;

    public PinAttemptLimiter(TimeProvider time, PinAttemptPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Policy = policy ?? PinAttemptPolicy.Default;
    }

    public PinAttemptPolicy Policy { get; }

    /// <exception cref="PinLockedOutException">The card is locked out now.</exception>
    public void EnsureAllowed(string cardSerial)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(cardSerial, out var entry) && entry.LockedUntil > _time.GetUtcNow())
            {
                throw new PinLockedOutException(entry.LockedUntil - _time.GetUtcNow());
            }
        }
    }

    /// <summary>Counts a wrong PIN; returns the exception the station shows.</summary>
    public WrongPinException RecordFailure(string cardSerial)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_entries.Count >= MaxTrackedCards && !_entries.ContainsKey(cardSerial))
            {
                foreach (var stale in _entries.Where(e => now - e.Value.LastFailure > TimeSpan.FromDays(1)).Select(e => e.Key).ToList())
                {
                    _entries.Remove(stale);
                }
            }

            var failures = (_entries.TryGetValue(cardSerial, out var entry) ? entry.Failures : 0) + 1;
            var delay = Policy.DelayAfter(failures);
            _entries[cardSerial] = new Entry(failures, now, now + delay);
            return new WrongPinException(Math.Max(0, Policy.FreeAttempts - failures), delay);
        }
    }

    public void RecordSuccess(string cardSerial)
    {
        lock (_lock)
        {
            _entries.Remove(cardSerial);
        }
    }

    private readonly record struct Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset LockedUntil);
}
