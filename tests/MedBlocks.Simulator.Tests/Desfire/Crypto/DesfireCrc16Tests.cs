using MedBlocks.Simulator.Desfire.Crypto;

namespace MedBlocks.Simulator.Tests.Desfire.Crypto;

public sealed class DesfireCrc16Tests
{
    // ISO/IEC 14443-3 Annex B examples: 00 00 -> A0 1E, 12 34 -> 26 CF (sent LSB first).
    [Theory]
    [InlineData(new byte[] { 0x00, 0x00 }, 0x1EA0)]
    [InlineData(new byte[] { 0x12, 0x34 }, 0xCF26)]
    public void Compute_Iso14443Examples_CrcA(byte[] data, int expected)
    {
        Assert.Equal((ushort)expected, DesfireCrc16.Compute(data));
    }
}
