using System.Security.Cryptography;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Records;

namespace MedBlocks.Core.Legacy;

/// <summary>
/// Reads v0.01 records: <c>IV (16) ‖ AES-256-CBC(plaintext zero-padded to 16 bytes)</c>, no MAC, with the AES key
/// wrapped by RSA-OAEP-SHA1 and stored as base64 with a newline every 76 characters. Read-only: nothing is
/// ever written in this format.
/// </summary>
/// <remarks>
/// Flaws kept visible here: nothing authenticates the ciphertext (a changed byte silently changes the
/// plaintext), and trailing zero bytes are stripped as padding, so a plaintext that ended in 0x00 cannot be
/// recovered exactly; its trailing zeros are lost.
/// </remarks>
public static class LegacyRecord
{
    public const int IvLength = 16;
    private const int BlockLength = 16;

    /// <summary>Decrypts a v0.01 record and strips the trailing zero padding.</summary>
    /// <exception cref="LegacyFormatException">The record is not IV plus whole AES blocks.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> ciphertext, RecordKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ciphertext.Length < IvLength || (ciphertext.Length - IvLength) % BlockLength != 0)
        {
            throw new LegacyFormatException($"A legacy record is a 16-byte IV and whole 16-byte blocks; this one is {ciphertext.Length} bytes.");
        }

        using var aes = Aes.Create();
        var keyCopy = key.Span.ToArray();
        aes.Key = keyCopy;
        CryptographicOperations.ZeroMemory(keyCopy);
        var padded = aes.DecryptCbc(ciphertext[IvLength..], ciphertext[..IvLength], PaddingMode.None);
        var length = padded.AsSpan().LastIndexOfAnyExcept((byte)0) + 1;
        var plaintext = padded.AsSpan(0, length).ToArray();
        CryptographicOperations.ZeroMemory(padded);
        return plaintext;
    }

    /// <summary>Decodes a legacy wrapped key (base64, line breaks allowed) and unwraps it with RSA-OAEP-SHA1.</summary>
    /// <exception cref="LegacyFormatException">The text is not base64.</exception>
    /// <exception cref="RecordKeyUnwrapException">The key was not wrapped for this participant, or was altered.</exception>
    public static RecordKey UnwrapKey(string wrappedKeyBase64, Participant recipient)
    {
        ArgumentNullException.ThrowIfNull(wrappedKeyBase64);
        byte[] wrapped;
        try
        {
            // Convert ignores the line breaks base64 -w 76 (and Python's encodebytes) put in.
            wrapped = Convert.FromBase64String(wrappedKeyBase64);
        }
        catch (FormatException e)
        {
            throw new LegacyFormatException("The legacy wrapped key is not base64.", e);
        }

        return RecordKeyWrap.UnwrapLegacyOaepSha1(wrapped, recipient);
    }
}
