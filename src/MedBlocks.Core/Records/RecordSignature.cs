using MedBlocks.Core.Encoding;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Records;

/// <summary>
/// The author's Ed25519 signature over a record. The signed message is, with every variable field as
/// <c>u32 big-endian length ‖ bytes</c> and strings in UTF-8:
/// <code>
/// len ‖ "medblocks.record-signature.v2"
/// len ‖ SHA-256(ciphertext)            (32 bytes)
/// len ‖ patient address                (base58)
/// len ‖ content type
/// time                                 (i64 big-endian, Unix milliseconds, UTC)
/// </code>
/// Times are signed at millisecond precision; finer parts of the given time are dropped.
/// </summary>
public static class RecordSignature
{
    public const string Domain = "medblocks.record-signature.v2";
    public const int CiphertextHashLength = 32;

    /// <summary>The exact bytes that are signed.</summary>
    /// <exception cref="ArgumentException">The hash is not 32 bytes, the patient is not an address, or the content type is malformed.</exception>
    public static byte[] CreateMessage(ReadOnlySpan<byte> ciphertextSha256, string patient, string contentType, DateTimeOffset time)
    {
        if (ciphertextSha256.Length != CiphertextHashLength)
        {
            throw new ArgumentException($"The ciphertext hash is SHA-256 ({CiphertextHashLength} bytes).", nameof(ciphertextSha256));
        }

        RecordBinding.Validate(patient, contentType);
        return new LengthPrefixedFields()
            .Add(Domain)
            .Add(ciphertextSha256)
            .Add(patient)
            .Add(contentType)
            .AddInt64(time.ToUnixTimeMilliseconds())
            .ToArray();
    }

    /// <summary>The author's 64-byte signature.</summary>
    public static byte[] Sign(IEntrySigner author, ReadOnlySpan<byte> ciphertextSha256, string patient, string contentType, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(author);
        return author.Sign(CreateMessage(ciphertextSha256, patient, contentType, time));
    }

    /// <summary>Whether <paramref name="signature"/> is the author's over these fields; false for any malformed input.</summary>
    public static bool Verify(string authorAddress, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> ciphertextSha256, string patient, string contentType, DateTimeOffset time)
    {
        byte[] message;
        try
        {
            message = CreateMessage(ciphertextSha256, patient, contentType, time);
        }
        catch (ArgumentException)
        {
            return false;
        }

        return authorAddress is not null && Ed25519Address.Verify(authorAddress, message, signature);
    }
}
