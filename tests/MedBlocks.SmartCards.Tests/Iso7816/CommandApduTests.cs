using MedBlocks.SmartCards.Iso7816;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Iso7816;

public sealed class CommandApduTests
{
    [Fact]
    public void EncodeShort_Case1_IsHeaderOnly()
    {
        Assert.Equal(Hex.Parse("00A40400"), new CommandApdu(0x00, 0xA4, 0x04, 0x00).EncodeShort());
    }

    [Theory]
    [InlineData(1, "FFCA000001")]
    [InlineData(255, "FFCA0000FF")]
    [InlineData(256, "FFCA000000")]
    public void EncodeShort_Case2_EncodesLe(int ne, string expected)
    {
        Assert.Equal(Hex.Parse(expected), new CommandApdu(0xFF, 0xCA, 0x00, 0x00, ne: ne).EncodeShort());
    }

    [Fact]
    public void EncodeShort_Case3_EncodesLcAndData()
    {
        Assert.Equal(Hex.Parse("00A4040003A00102"), new CommandApdu(0x00, 0xA4, 0x04, 0x00, Hex.Parse("A00102")).EncodeShort());
    }

    [Fact]
    public void EncodeShort_Case4DesfireWrapping_EndsWithLeZero()
    {
        Assert.Equal(Hex.Parse("905A00000331424D00"), new CommandApdu(0x90, 0x5A, 0x00, 0x00, Hex.Parse("31424D"), 256).EncodeShort());
    }

    [Fact]
    public void EncodeShort_TooMuchData_Throws()
    {
        Assert.Throws<ApduFormatException>(() => new CommandApdu(0x00, 0xD6, 0, 0, new byte[256]).EncodeShort());
    }

    [Fact]
    public void EncodeShort_NeAbove256_Throws()
    {
        Assert.Throws<ApduFormatException>(() => new CommandApdu(0x00, 0xB0, 0, 0, ne: 257).EncodeShort());
    }

    [Theory]
    [InlineData(257, "00B00000000101")]
    [InlineData(65536, "00B00000000000")]
    public void EncodeExtended_Case2_EncodesThreeByteLe(int ne, string expected)
    {
        Assert.Equal(Hex.Parse(expected), new CommandApdu(0x00, 0xB0, 0x00, 0x00, ne: ne).EncodeExtended());
    }

    [Fact]
    public void EncodeExtended_Case3_EncodesThreeByteLc()
    {
        var apdu = new CommandApdu(0x00, 0xD6, 0x00, 0x00, new byte[300]).EncodeExtended();

        Assert.Equal(Hex.Parse("00D6000000012C"), apdu[..7]);
        Assert.Equal(7 + 300, apdu.Length);
    }

    [Fact]
    public void EncodeExtended_Case4_LeHasNoLeadingZero()
    {
        var apdu = new CommandApdu(0x00, 0x2A, 0x9E, 0x9A, Hex.Parse("0102"), 512).EncodeExtended();

        Assert.Equal(Hex.Parse("002A9E9A00000201020200"), apdu);
    }

    [Fact]
    public void Encode_LargeData_ChoosesExtended()
    {
        Assert.Equal(7 + 256, new CommandApdu(0x00, 0xD6, 0, 0, new byte[256]).Encode().Length);
        Assert.Equal(5 + 255, new CommandApdu(0x00, 0xD6, 0, 0, new byte[255]).Encode().Length);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65537)]
    public void Constructor_NeOutOfRange_Throws(int ne)
    {
        Assert.Throws<ApduFormatException>(() => new CommandApdu(0, 0, 0, 0, ne: ne));
    }

    [Fact]
    public void Constructor_DataAboveExtendedLimit_Throws()
    {
        Assert.Throws<ApduFormatException>(() => new CommandApdu(0, 0, 0, 0, new byte[65536]));
    }
}
