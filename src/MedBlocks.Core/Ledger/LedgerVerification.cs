namespace MedBlocks.Core.Ledger;

/// <summary>Outcome of verifying a chain: valid with a count, or the first bad entry and why.</summary>
/// <param name="IsValid">Whether every entry passed.</param>
/// <param name="EntryCount">Entries verified good (for a failure: those before the bad one).</param>
/// <param name="HeadHash">Hash of the last good entry.</param>
/// <param name="FailedPosition">Position of the first bad entry.</param>
/// <param name="FailedHash">Hash column of the first bad entry as stored.</param>
/// <param name="Rule">The rule it breaks (<see cref="LedgerRuleNames"/>).</param>
/// <param name="Reason">Human-readable explanation.</param>
public sealed record LedgerVerification(
    bool IsValid,
    long EntryCount,
    string HeadHash,
    long? FailedPosition,
    string? FailedHash,
    string? Rule,
    string? Reason)
{
    public static LedgerVerification Valid(long entryCount, string headHash) =>
        new(true, entryCount, headHash, null, null, null, null);

    public static LedgerVerification Invalid(long goodCount, string lastGoodHash, long position, string? hash, string rule, string reason) =>
        new(false, goodCount, lastGoodHash, position, hash, rule, reason);

    public override string ToString() => IsValid
        ? $"ledger valid: {EntryCount} entries, head {HeadHash}"
        : $"ledger invalid at position {FailedPosition} ({FailedHash ?? "no hash"}): {Rule}: {Reason}";
}
