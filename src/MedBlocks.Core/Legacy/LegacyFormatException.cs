namespace MedBlocks.Core.Legacy;

/// <summary>A 2018-format file or record is malformed or inconsistent; the message names what.</summary>
public sealed class LegacyFormatException : Exception
{
    public LegacyFormatException()
        : base("The legacy data is malformed.")
    {
    }

    public LegacyFormatException(string message)
        : base(message)
    {
    }

    public LegacyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
