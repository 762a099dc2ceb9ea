namespace MedBlocks.SmartCards.Desfire;

/// <summary>A MAC, CRC or authentication proof from the card did not verify; the session has been ended.</summary>
public sealed class DesfireIntegrityException : DesfireProtocolException
{
    public DesfireIntegrityException()
    {
    }

    public DesfireIntegrityException(string message)
        : base(message)
    {
    }

    public DesfireIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
