namespace MedBlocks.SmartCards.Profile;

/// <summary>The PIN does not open the card's key material.</summary>
public sealed class WrongPinException : Exception
{
    public WrongPinException()
        : base("Wrong PIN.")
    {
    }

    public WrongPinException(string message)
        : base(message)
    {
    }

    public WrongPinException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WrongPinException(int attemptsRemaining, TimeSpan lockedFor)
        : base(lockedFor > TimeSpan.Zero
            ? $"Wrong PIN. Further tries for this card are refused for {lockedFor.TotalSeconds:0} s."
            : $"Wrong PIN. {attemptsRemaining} tries left before a delay.")
    {
        AttemptsRemaining = attemptsRemaining;
        LockedFor = lockedFor;
    }

    /// <summary>Tries left before delays start.</summary>
    public int AttemptsRemaining { get; }

    /// <summary>How long the card is now refused (zero while free tries remain).</summary>
    public TimeSpan LockedFor { get; }
}
