using System.Security.Cryptography;

namespace MedBlocks.Ipfs.Cids;

/// <summary>The sha2-256 multihash: code 0x12, digest length 0x20, then the digest.</summary>
internal static class Sha256Multihash
{
    public const byte Code = 0x12;
    public const byte DigestLength = 32;
    public const int Length = 2 + DigestLength;

    public static void Write(Span<byte> destination, ReadOnlySpan<byte> digest)
    {
        destination[0] = Code;
        destination[1] = DigestLength;
        digest.CopyTo(destination[2..]);
    }

    /// <summary>Whether <paramref name="block"/> hashes to the digest inside <paramref name="multihash"/>.</summary>
    public static bool Matches(ReadOnlySpan<byte> multihash, ReadOnlySpan<byte> block)
    {
        Span<byte> digest = stackalloc byte[DigestLength];
        SHA256.HashData(block, digest);
        return digest.SequenceEqual(multihash[2..]);
    }
}
