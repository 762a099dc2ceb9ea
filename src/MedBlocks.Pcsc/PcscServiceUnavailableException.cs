namespace MedBlocks.Pcsc;

/// <summary>The smart-card service (pcscd or SCardSvr) is not running or stopped.</summary>
public sealed class PcscServiceUnavailableException : PcscException
{
    public PcscServiceUnavailableException()
    {
    }

    public PcscServiceUnavailableException(string message)
        : base(message)
    {
    }

    public PcscServiceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PcscServiceUnavailableException(uint code, string operation)
        : base(code, operation)
    {
    }
}
