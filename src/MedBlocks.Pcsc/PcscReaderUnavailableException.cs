namespace MedBlocks.Pcsc;

/// <summary>The reader is unavailable or was unplugged (SCARD_E_READER_UNAVAILABLE, SCARD_E_UNKNOWN_READER).</summary>
public sealed class PcscReaderUnavailableException : PcscException
{
    public PcscReaderUnavailableException()
    {
    }

    public PcscReaderUnavailableException(string message)
        : base(message)
    {
    }

    public PcscReaderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PcscReaderUnavailableException(uint code, string operation)
        : base(code, operation)
    {
    }
}
