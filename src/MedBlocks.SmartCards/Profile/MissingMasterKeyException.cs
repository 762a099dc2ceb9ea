namespace MedBlocks.SmartCards.Profile;

/// <summary>The station's key provider does not hold the master key a step needs.</summary>
public sealed class MissingMasterKeyException : Exception
{
    public MissingMasterKeyException()
    {
    }

    public MissingMasterKeyException(string message)
        : base(message)
    {
    }

    public MissingMasterKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MissingMasterKeyException(CardKeyRole role)
        : base($"This station holds no {role} master key; its configuration gives it only the masters of its role.")
    {
        Role = role;
    }

    public CardKeyRole? Role { get; }
}
