namespace MedBlocks.Simulator.Card;

/// <summary>The card lost power (left the field) before it could answer the APDU.</summary>
public sealed class CardPowerLostException : Exception
{
    public CardPowerLostException()
        : base("The card lost power.")
    {
    }

    public CardPowerLostException(string message)
        : base(message)
    {
    }

    public CardPowerLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
