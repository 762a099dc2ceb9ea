namespace MedBlocks.Core.Records;

/// <summary>
/// A record did not decrypt: wrong key, patient or content type, or bytes altered, truncated, extended or
/// reordered. Any plaintext already handed out for this record must be discarded.
/// </summary>
public sealed class RecordDecryptionException : Exception
{
    public RecordDecryptionException()
        : base("The record did not decrypt.")
    {
    }

    public RecordDecryptionException(string message)
        : base(message)
    {
    }

    public RecordDecryptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
