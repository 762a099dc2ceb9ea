namespace MedBlocks.Core.Ledger;

/// <summary>Base of every ledger error, so callers can catch ledger failures as one family.</summary>
public class LedgerException : Exception
{
    public LedgerException()
    {
    }

    public LedgerException(string message)
        : base(message)
    {
    }

    public LedgerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
