using System.Buffers.Binary;

namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>CRC_A of ISO/IEC 14443-3 (reflected 0x8408, preset 0x6363), used by the legacy DESFire scheme; sent LE.</summary>
public static class DesfireCrc16
{
    public const int Size = 2;

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0x6363;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0x8408) : (ushort)(crc >> 1);
            }
        }

        return crc;
    }

    public static void Write(ReadOnlySpan<byte> data, Span<byte> destination) =>
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Compute(data));
}
