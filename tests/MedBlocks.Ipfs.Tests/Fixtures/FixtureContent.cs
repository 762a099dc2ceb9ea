using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MedBlocks.Ipfs.Tests.Fixtures;

/// <summary>
/// Deterministic pseudo-random test content: SHA-256("medblocks-ipfs-fixture" || uint64-le(i)) for
/// i = 0, 1, 2, … concatenated. TestData/fixture-content.mjs writes the same bytes for the IPFS node.
/// Content of a smaller size is a prefix of a larger one, so one buffer serves every size.
/// </summary>
internal static class FixtureContent
{
    public const int Chunk = 262144;

    private static readonly byte[] Seed = "medblocks-ipfs-fixture"u8.ToArray();
    private static readonly Lock Gate = new();
    private static byte[] _cache = [];

    public static ReadOnlyMemory<byte> Get(int size)
    {
        lock (Gate)
        {
            if (_cache.Length < size)
            {
                _cache = Generate(Math.Max(size, _cache.Length * 2));
            }

            return _cache.AsMemory(0, size);
        }
    }

    public static Stream OpenStream(int size) => new MemoryStream(Get(size).ToArray(), writable: false);

    private static byte[] Generate(int size)
    {
        var result = new byte[size];
        var input = new byte[Seed.Length + 8];
        Seed.CopyTo(input, 0);
        Span<byte> digest = stackalloc byte[32];
        ulong counter = 0;
        for (var offset = 0; offset < size; offset += 32)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(input.AsSpan(Seed.Length), counter++);
            SHA256.HashData(input, digest);
            var take = Math.Min(32, size - offset);
            digest[..take].CopyTo(result.AsSpan(offset));
        }

        return result;
    }
}
