using System.Buffers.Binary;
using System.Security.Cryptography;
using MedBlocks.Core.Secrets;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace MedBlocks.Core.Participants;

/// <summary>
/// The plaintext inside a sealed key file: <c>u16 length ‖ PKCS#8 Ed25519 ‖ u16 length ‖ PKCS#8 RSA</c>
/// (lengths big-endian), nothing after. Only ever held in pinned arrays that are zeroed after use.
/// </summary>
internal static class ParticipantKeyContainer
{
    public static byte[] Encode(ReadOnlySpan<byte> ed25519Seed, RSA rsa)
    {
        var ed25519Pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo(new Ed25519PrivateKeyParameters(ed25519Seed)).GetEncoded();
        var rsaPkcs8 = rsa.ExportPkcs8PrivateKey();
        try
        {
            var container = GC.AllocateArray<byte>(4 + ed25519Pkcs8.Length + rsaPkcs8.Length, pinned: true);
            var span = container.AsSpan();
            BinaryPrimitives.WriteUInt16BigEndian(span, checked((ushort)ed25519Pkcs8.Length));
            ed25519Pkcs8.CopyTo(span[2..]);
            span = span[(2 + ed25519Pkcs8.Length)..];
            BinaryPrimitives.WriteUInt16BigEndian(span, checked((ushort)rsaPkcs8.Length));
            rsaPkcs8.CopyTo(span[2..]);
            return container;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ed25519Pkcs8);
            CryptographicOperations.ZeroMemory(rsaPkcs8);
        }
    }

    /// <summary>Returns the Ed25519 seed (pinned; the caller zeroes it) and the RSA key.</summary>
    /// <exception cref="KeyFileFormatException">The container or one of its keys is malformed.</exception>
    public static (byte[] Seed, RSA Rsa) Decode(ReadOnlySpan<byte> container)
    {
        var ed25519Pkcs8 = ReadField(ref container, "Ed25519");
        var rsaPkcs8 = ReadField(ref container, "RSA");
        if (!container.IsEmpty)
        {
            throw new KeyFileFormatException("The key container has trailing bytes.");
        }

        var seed = GC.AllocateArray<byte>(Ed25519PrivateKeyParameters.KeySize, pinned: true);
        byte[]? bcSeed = null;
        try
        {
            var ed25519 = PrivateKeyFactory.CreateKey(ed25519Pkcs8.ToArray()) as Ed25519PrivateKeyParameters
                ?? throw new KeyFileFormatException("The signing key in the container is not Ed25519.");
            bcSeed = ed25519.GetEncoded();
            bcSeed.CopyTo(seed, 0);
        }
        catch (Exception e) when (e is not KeyFileFormatException)
        {
            CryptographicOperations.ZeroMemory(seed);
            throw new KeyFileFormatException("The Ed25519 PKCS#8 key in the container is malformed.", e);
        }
        finally
        {
            if (bcSeed is not null)
            {
                CryptographicOperations.ZeroMemory(bcSeed);
            }
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportPkcs8PrivateKey(rsaPkcs8, out var read);
            if (read != rsaPkcs8.Length)
            {
                throw new KeyFileFormatException("The RSA PKCS#8 key in the container has trailing bytes.");
            }
        }
        catch (Exception e)
        {
            rsa.Dispose();
            CryptographicOperations.ZeroMemory(seed);
            throw e as KeyFileFormatException ?? new KeyFileFormatException("The RSA PKCS#8 key in the container is malformed.", e);
        }

        return (seed, rsa);
    }

    private static ReadOnlySpan<byte> ReadField(ref ReadOnlySpan<byte> container, string name)
    {
        if (container.Length < 2)
        {
            throw new KeyFileFormatException($"The key container ends before the {name} key.");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(container);
        if (container.Length - 2 < length)
        {
            throw new KeyFileFormatException($"The key container's {name} key is truncated.");
        }

        var field = container.Slice(2, length);
        container = container[(2 + length)..];
        return field;
    }
}
