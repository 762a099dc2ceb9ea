using System.Buffers.Binary;

namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>
/// The DESFire EV1 CRC32: reflected polynomial 0xEDB88320, preset 0xFFFFFFFF, no final XOR
/// (the bitwise complement of zlib's CRC32), sent little-endian.
/// </summary>
public static class DesfireCrc32
{
    public const int Size = 4;

    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Update(0xFFFFFFFF, data);

    /// <summary>Continues a CRC over more data, so scattered inputs need no concatenation.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    /// <summary>Writes the CRC of <paramref name="data"/> in wire order (LE).</summary>
    public static void Write(ReadOnlySpan<byte> data, Span<byte> destination) =>
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Compute(data));

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
