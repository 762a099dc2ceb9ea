namespace MedBlocks.Core.Secrets;

/// <summary>A sealed key file is malformed, truncated, or asks for parameters a reader refuses; the message names what.</summary>
public sealed class KeyFileFormatException : Exception
{
    public KeyFileFormatException()
        : base("The key file is malformed.")
    {
    }

    public KeyFileFormatException(string message)
        : base(message)
    {
    }

    public KeyFileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
