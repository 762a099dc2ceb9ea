using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Records;

/// <summary>What a record is bound to: the patient's address and the record's content type.</summary>
internal static class RecordBinding
{
    public const int MaxContentTypeLength = 255;

    /// <exception cref="ArgumentException">The patient is not an address or the content type is not printable ASCII of 1..255 characters.</exception>
    public static void Validate(string patient, string contentType)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(contentType);
        if (!Ed25519Address.IsValid(patient))
        {
            throw new ArgumentException("The patient is not a base58 Ed25519 address.", nameof(patient));
        }

        if (contentType.Length is 0 or > MaxContentTypeLength
            || contentType.Any(c => c is < ' ' or > '~')
            || contentType[0] == ' '
            || contentType[^1] == ' ')
        {
            throw new ArgumentException($"A content type is 1 to {MaxContentTypeLength} printable ASCII characters without surrounding spaces.", nameof(contentType));
        }
    }
}
