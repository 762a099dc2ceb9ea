namespace MedBlocks.Core.Sharing;

/// <summary>The participant holds no key for the record, or is not allowed the action.</summary>
public sealed class MedBlockAccessDeniedException : MedBlockSharingException
{
    public MedBlockAccessDeniedException(string message)
        : base(message)
    {
    }

    public MedBlockAccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MedBlockAccessDeniedException()
    {
    }
}
