namespace MedBlocks.Core.Sharing;

/// <summary>Why a record could not be added, shared, refused or read; the message is fit for the user.</summary>
public class MedBlockSharingException : Exception
{
    public MedBlockSharingException(string message)
        : base(message)
    {
    }

    public MedBlockSharingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MedBlockSharingException()
    {
    }
}
