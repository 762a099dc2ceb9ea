namespace MedBlocks.Core.Ledger;

/// <summary>An entry or body is not well-formed: bad JSON, non-canonical bytes, unknown or missing fields.</summary>
public sealed class LedgerFormatException : LedgerException
{
    public LedgerFormatException()
    {
    }

    public LedgerFormatException(string message)
        : base(message)
    {
    }

    public LedgerFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
