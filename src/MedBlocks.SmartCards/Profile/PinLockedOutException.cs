namespace MedBlocks.SmartCards.Profile;

/// <summary>Too many wrong PINs for this card: tries are refused until <see cref="RetryAfter"/> has passed.</summary>
public sealed class PinLockedOutException : Exception
{
    public PinLockedOutException()
    {
    }

    public PinLockedOutException(string message)
        : base(message)
    {
    }

    public PinLockedOutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PinLockedOutException(TimeSpan retryAfter)
        : base($"Too many wrong PINs for this card; try again in {Math.Ceiling(retryAfter.TotalSeconds):0} s.")
    {
        RetryAfter = retryAfter;
    }

    public TimeSpan RetryAfter { get; }
}
