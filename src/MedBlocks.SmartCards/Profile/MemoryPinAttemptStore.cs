namespace MedBlocks.SmartCards.Profile;

/// <summary>Wrong-PIN counts in memory, for the life of the process.</summary>
public sealed class MemoryPinAttemptStore : IPinAttemptStore
{
    private readonly Dictionary<string, PinAttemptRecord> _records = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public PinAttemptRecord? Find(string cardSerial)
    {
        lock (_lock)
        {
            return _records.TryGetValue(cardSerial, out var record) ? record : null;
        }
    }

    public void Update(Action<IDictionary<string, PinAttemptRecord>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            change(_records);
        }
    }
}
