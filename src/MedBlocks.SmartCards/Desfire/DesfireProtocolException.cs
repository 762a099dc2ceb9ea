namespace MedBlocks.SmartCards.Desfire;

/// <summary>The card's answer breaks DESFire framing: missing status, wrong length, endless chaining, not a DESFire status.</summary>
public class DesfireProtocolException : Exception
{
    public DesfireProtocolException()
    {
    }

    public DesfireProtocolException(string message)
        : base(message)
    {
    }

    public DesfireProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
