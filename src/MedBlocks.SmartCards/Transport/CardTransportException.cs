namespace MedBlocks.SmartCards.Transport;

/// <summary>The transport could not carry an APDU to the card or its answer back.</summary>
public class CardTransportException : Exception
{
    public CardTransportException(string message)
        : base(message)
    {
    }

    public CardTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CardTransportException()
    {
    }
}

/// <summary>The card left the reader's field; the operation can be retried with a new tap.</summary>
public sealed class CardRemovedException : CardTransportException
{
    public CardRemovedException(string message)
        : base(message)
    {
    }

    public CardRemovedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CardRemovedException()
        : base("The card was removed.")
    {
    }
}
