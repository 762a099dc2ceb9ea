namespace MedBlocks.Simulator.Desfire.Crypto;

/// <summary>The DESFire EV1 CRC32: reflected 0xEDB88320, preset 0xFFFFFFFF, no final XOR, sent LSB first.</summary>
internal static class DesfireCrc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Update(0xFFFFFFFFu, data);

    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    public static void Write(uint crc, Span<byte> destination)
    {
        destination[0] = (byte)crc;
        destination[1] = (byte)(crc >> 8);
        destination[2] = (byte)(crc >> 16);
        destination[3] = (byte)(crc >> 24);
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
