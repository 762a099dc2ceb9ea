namespace MedBlocks.Core.Secrets;

/// <summary>The passphrase or PIN does not open the sealed box (its authentication tag did not verify).</summary>
public sealed class WrongPassphraseException : Exception
{
    public WrongPassphraseException()
        : base("The passphrase does not open this key file.")
    {
    }

    public WrongPassphraseException(string message)
        : base(message)
    {
    }

    public WrongPassphraseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
