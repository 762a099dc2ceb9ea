namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Where a <see cref="PinAttemptLimiter"/> keeps its wrong-PIN counts per card serial: in memory for a long-running
/// station, or in a file (<see cref="PinAttemptFile"/>) for a command line tool whose counts must outlive one run.
/// Holds serials and counts only, never a PIN or key.
/// </summary>
public interface IPinAttemptStore
{
    /// <summary>The record of <paramref name="cardSerial"/>, or null when it has no wrong PIN counted.</summary>
    PinAttemptRecord? Find(string cardSerial);

    /// <summary>Reads every record, lets <paramref name="change"/> edit them, and keeps the result as one step.</summary>
    void Update(Action<IDictionary<string, PinAttemptRecord>> change);
}
