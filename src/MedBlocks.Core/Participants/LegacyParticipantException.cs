namespace MedBlocks.Core.Participants;

/// <summary>
/// A legacy (2018-format, RSA-1024) participant was asked to write: sign, author, or receive a new wrapped key.
/// Legacy participants only read; <see cref="Participant.WithNewEncryptionKey"/> migrates one.
/// </summary>
public sealed class LegacyParticipantException : InvalidOperationException
{
    public LegacyParticipantException()
        : base("A legacy participant can read records but never write or receive new keys.")
    {
    }

    public LegacyParticipantException(string message)
        : base(message)
    {
    }

    public LegacyParticipantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
