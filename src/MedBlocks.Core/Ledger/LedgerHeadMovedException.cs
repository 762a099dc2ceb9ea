namespace MedBlocks.Core.Ledger;

/// <summary>
/// The entry was built on a head that is no longer the ledger's head (another writer appended first).
/// Rebuild the entry on <see cref="CurrentHead"/> and append again.
/// </summary>
public sealed class LedgerHeadMovedException : LedgerException
{
    public LedgerHeadMovedException()
    {
    }

    public LedgerHeadMovedException(string message)
        : base(message)
    {
    }

    public LedgerHeadMovedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LedgerHeadMovedException(string entryPrev, LedgerHead currentHead)
        : base($"The entry links to {entryPrev} but the ledger head is now {currentHead.Hash} at position {currentHead.Position}.")
    {
        EntryPrev = entryPrev;
        CurrentHead = currentHead;
    }

    public string? EntryPrev { get; }

    public LedgerHead? CurrentHead { get; }
}
