namespace MedBlocks.Pcsc;

/// <summary>A PC/SC wait ran out of time.</summary>
public sealed class PcscTimeoutException : PcscException
{
    public PcscTimeoutException()
    {
    }

    public PcscTimeoutException(string message)
        : base(message)
    {
    }

    public PcscTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PcscTimeoutException(uint code, string operation)
        : base(code, operation)
    {
    }
}
