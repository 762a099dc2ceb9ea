using MedBlocks.SmartCards.Desfire.Crypto;

namespace MedBlocks.SmartCards.Tests.Desfire.Crypto;

public sealed class DesfireCrc16Tests
{
    [Fact]
    public void Write_Iso14443ExampleFrame_ProducesCrcA()
    {
        // ISO/IEC 14443-3 Annex B: 00 00 → A0 1E; 12 34 → 26 CF.
        var crc = new byte[2];
        DesfireCrc16.Write([0x00, 0x00], crc);
        Assert.Equal(new byte[] { 0xA0, 0x1E }, crc);

        DesfireCrc16.Write([0x12, 0x34], crc);
        Assert.Equal(new byte[] { 0x26, 0xCF }, crc);
    }
}
