namespace MedBlocks.Core.Records;

/// <summary>A wrapped record key did not unwrap: it was wrapped for another key, with another padding, or altered.</summary>
public sealed class RecordKeyUnwrapException : Exception
{
    public RecordKeyUnwrapException()
        : base("The wrapped record key did not unwrap.")
    {
    }

    public RecordKeyUnwrapException(string message)
        : base(message)
    {
    }

    public RecordKeyUnwrapException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
