namespace MedBlocks.Pcsc;

/// <summary>Another application holds the card exclusively.</summary>
public sealed class PcscSharingViolationException : PcscException
{
    public PcscSharingViolationException()
    {
    }

    public PcscSharingViolationException(string message)
        : base(message)
    {
    }

    public PcscSharingViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PcscSharingViolationException(uint code, string operation)
        : base(code, operation)
    {
    }
}
