namespace MedBlocks.Core.Ledger;

/// <summary>The last entry of a ledger: new entries link to <see cref="Hash"/>. Position 0 is the empty ledger.</summary>
public sealed record LedgerHead(long Position, string Hash, DateTimeOffset? Time)
{
    /// <summary>The head of an empty ledger; the first entry's <c>prev</c> is 64 zeros.</summary>
    public static LedgerHead Empty { get; } = new(0, LedgerEntry.GenesisPrev, null);

    public bool IsEmpty => Position == 0;
}
