namespace MedBlocks.Pcsc;

/// <summary>The card was reset by another application; the card session must be redone from the start.</summary>
public sealed class PcscCardResetException : PcscException
{
    public PcscCardResetException()
    {
    }

    public PcscCardResetException(string message)
        : base(message)
    {
    }

    public PcscCardResetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PcscCardResetException(uint code, string operation)
        : base(code, operation)
    {
    }
}
