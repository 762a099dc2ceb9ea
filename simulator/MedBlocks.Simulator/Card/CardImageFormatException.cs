namespace MedBlocks.Simulator.Card;

/// <summary>A card image file is not a valid image of a supported version.</summary>
public sealed class CardImageFormatException : Exception
{
    public CardImageFormatException()
        : base("The card image is not valid.")
    {
    }

    public CardImageFormatException(string message)
        : base(message)
    {
    }

    public CardImageFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
