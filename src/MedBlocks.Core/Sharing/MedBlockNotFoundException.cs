namespace MedBlocks.Core.Sharing;

/// <summary>No MedBlock or no declared participant answers to the given hash or address.</summary>
public sealed class MedBlockNotFoundException : MedBlockSharingException
{
    public MedBlockNotFoundException(string message)
        : base(message)
    {
    }

    public MedBlockNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MedBlockNotFoundException()
    {
    }
}
