namespace MedBlocks.Kiosk.CheckIn;

/// <summary>The card on the reader is not the card that checked in.</summary>
public sealed class DifferentCardException : Exception
{
    public DifferentCardException()
        : base("The card on the reader is not the card that checked in.")
    {
    }

    public DifferentCardException(string message)
        : base(message)
    {
    }

    public DifferentCardException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
