namespace MedBlocks.Core.Sharing;

/// <summary>A record's bytes or signature do not match what its MedBlock declares.</summary>
public sealed class RecordTamperedException : MedBlockSharingException
{
    public RecordTamperedException(string message)
        : base(message)
    {
    }

    public RecordTamperedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RecordTamperedException()
    {
    }
}
