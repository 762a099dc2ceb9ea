using MedBlocks.Core.Encoding;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace MedBlocks.Core.Participants;

/// <summary>Addresses are base58 Ed25519 public keys; this checks their form and their signatures.</summary>
public static class Ed25519Address
{
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    /// <summary>Whether <paramref name="address"/> decodes to a 32-byte Ed25519 public key.</summary>
    public static bool IsValid(string? address)
    {
        Span<byte> key = stackalloc byte[PublicKeyLength];
        return TryDecode(address, key);
    }

    /// <summary>The 32-byte public key of an address.</summary>
    /// <exception cref="FormatException">The address is not a base58 Ed25519 public key.</exception>
    public static byte[] ToPublicKey(string address)
    {
        var key = new byte[PublicKeyLength];
        return TryDecode(address, key) ? key : throw new FormatException("The address is not a base58 Ed25519 public key.");
    }

    public static string FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeyLength)
        {
            throw new ArgumentException("An Ed25519 public key is 32 bytes.", nameof(publicKey));
        }

        return Base58.Encode(publicKey);
    }

    /// <summary>Verifies an Ed25519 signature by the holder of <paramref name="address"/>; false for any malformed input.</summary>
    public static bool Verify(string address, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        Span<byte> key = stackalloc byte[PublicKeyLength];
        return signature.Length == SignatureLength && TryDecode(address, key) && Ed25519.Verify(signature, key, message);
    }

    /// <summary>Decodes an address into exactly <see cref="PublicKeyLength"/> bytes.</summary>
    private static bool TryDecode(string? address, Span<byte> key) =>
        address is not null && Base58.TryDecode(address, key, out var written) && written == PublicKeyLength;
}
