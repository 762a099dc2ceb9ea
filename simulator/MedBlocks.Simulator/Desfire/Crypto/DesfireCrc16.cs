namespace MedBlocks.Simulator.Desfire.Crypto;

/// <summary>CRC_A of ISO/IEC 14443-3 (reflected 0x8408, preset 0x6363), used by the legacy (0x0A) scheme.</summary>
internal static class DesfireCrc16
{
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0x6363;
        foreach (var b in data)
        {
            var ch = (byte)(b ^ (byte)crc);
            ch ^= (byte)(ch << 4);
            crc = (ushort)((crc >> 8) ^ (ch << 8) ^ (ch << 3) ^ (ch >> 4));
        }

        return crc;
    }

    public static void Write(ushort crc, Span<byte> destination)
    {
        destination[0] = (byte)crc;
        destination[1] = (byte)(crc >> 8);
    }
}
