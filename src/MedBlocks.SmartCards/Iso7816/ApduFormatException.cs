namespace MedBlocks.SmartCards.Iso7816;

/// <summary>An APDU could not be built or parsed because it breaks ISO 7816-4 limits.</summary>
public sealed class ApduFormatException : Exception
{
    public ApduFormatException()
    {
    }

    public ApduFormatException(string message)
        : base(message)
    {
    }

    public ApduFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
