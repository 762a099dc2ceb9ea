namespace MedBlocks.Pcsc;

/// <summary>A PC/SC wait was cancelled (SCardCancel or the caller's token).</summary>
public sealed class PcscCancelledException : PcscException
{
    public PcscCancelledException()
    {
    }

    public PcscCancelledException(string message)
        : base(message)
    {
    }

    public PcscCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PcscCancelledException(uint code, string operation)
        : base(code, operation)
    {
    }
}
