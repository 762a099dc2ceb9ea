using System.Security.Cryptography;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Records;

/// <summary>
/// Wraps a record key for a reader with RSA-OAEP-SHA256 (MGF1-SHA256, empty label); the wrapped key is
/// as long as the recipient's modulus. The 2018 format's OAEP-SHA1 is only ever unwrapped, through
/// <see cref="UnwrapLegacyOaepSha1"/>.
/// </summary>
public static class RecordKeyWrap
{
    /// <summary>Wraps <paramref name="key"/> for <paramref name="recipient"/>.</summary>
    /// <exception cref="LegacyParticipantException">The recipient is legacy or its RSA key is under 2048 bits.</exception>
    public static byte[] Wrap(RecordKey key, ParticipantIdentity recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (!recipient.AcceptsWrappedKeys)
        {
            throw new LegacyParticipantException(
                $"Record keys are never wrapped for {recipient.Address}: its {recipient.EncryptionKeySize}-bit key is legacy.");
        }

        return Wrap(key, recipient.EncryptionPublicKey.Span);
    }

    /// <summary>Wraps <paramref name="key"/> for an RSA public key given as SubjectPublicKeyInfo DER.</summary>
    /// <exception cref="ArgumentException">The key is not an RSA SubjectPublicKeyInfo.</exception>
    /// <exception cref="LegacyParticipantException">The RSA key is under 2048 bits.</exception>
    public static byte[] Wrap(RecordKey key, ReadOnlySpan<byte> recipientSubjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(recipientSubjectPublicKeyInfo, out _);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("The recipient key is not an RSA SubjectPublicKeyInfo.", nameof(recipientSubjectPublicKeyInfo), e);
        }

        if (rsa.KeySize < Participant.MinimumRsaKeySize)
        {
            throw new LegacyParticipantException($"Record keys are never wrapped for a {rsa.KeySize}-bit RSA key.");
        }

        return rsa.Encrypt(key.Span, RSAEncryptionPadding.OaepSHA256);
    }

    /// <summary>Unwraps an RSA-OAEP-SHA256 wrapped key with the recipient's private key. Dispose the result when done.</summary>
    /// <exception cref="RecordKeyUnwrapException">Not wrapped for this participant, or altered.</exception>
    public static RecordKey Unwrap(ReadOnlySpan<byte> wrappedKey, Participant recipient) =>
        Unwrap(wrappedKey, recipient, RSAEncryptionPadding.OaepSHA256);

    /// <summary>Unwraps a key of the 2018 format (RSA-OAEP with SHA-1). Reading only: nothing wraps this way.</summary>
    /// <exception cref="RecordKeyUnwrapException">Not wrapped for this participant, or altered.</exception>
    public static RecordKey UnwrapLegacyOaepSha1(ReadOnlySpan<byte> wrappedKey, Participant recipient) =>
        Unwrap(wrappedKey, recipient, RSAEncryptionPadding.OaepSHA1);

    private static RecordKey Unwrap(ReadOnlySpan<byte> wrappedKey, Participant recipient, RSAEncryptionPadding padding)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var rsa = recipient.EncryptionKey;
        var modulusLength = (rsa.KeySize + 7) / 8;
        if (wrappedKey.Length != modulusLength)
        {
            throw new RecordKeyUnwrapException(
                $"The wrapped key is {wrappedKey.Length} bytes; a key wrapped for {recipient.Address} is {modulusLength}.");
        }

        var unwrapped = GC.AllocateArray<byte>(modulusLength, pinned: true);
        try
        {
            if (!rsa.TryDecrypt(wrappedKey, unwrapped, padding, out var written))
            {
                throw new RecordKeyUnwrapException("The wrapped key did not fit its buffer.");
            }

            if (written != RecordKey.Length)
            {
                throw new RecordKeyUnwrapException($"The wrapped key holds {written} bytes, not a {RecordKey.Length}-byte record key.");
            }

            return RecordKey.FromBytes(unwrapped.AsSpan(0, written));
        }
        catch (CryptographicException e)
        {
            throw new RecordKeyUnwrapException($"The wrapped key was not wrapped for {recipient.Address} with this padding, or it was altered.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(unwrapped);
        }
    }
}
