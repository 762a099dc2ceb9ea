namespace MedBlocks.SmartCards.Profile;

/// <summary>The backup key file does not belong to a patient the ledger knows with those keys; nothing was revoked or written.</summary>
public sealed class CardReissueException : Exception
{
    public CardReissueException()
    {
    }

    public CardReissueException(string message)
        : base(message)
    {
    }

    public CardReissueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
