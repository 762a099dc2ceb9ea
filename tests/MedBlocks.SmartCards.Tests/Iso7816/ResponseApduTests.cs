using MedBlocks.SmartCards.Iso7816;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Iso7816;

public sealed class ResponseApduTests
{
    [Fact]
    public void Parse_DataAndStatus_SplitsThem()
    {
        var response = ResponseApdu.Parse(Hex.Parse("04782E21801D809000"));

        Assert.Equal(Hex.Parse("04782E21801D80"), response.Data.ToArray());
        Assert.Equal(StatusWord.Success, response.StatusWord);
    }

    [Fact]
    public void Parse_StatusOnly_HasEmptyData()
    {
        var response = ResponseApdu.Parse(Hex.Parse("91AF"));

        Assert.True(response.Data.IsEmpty);
        Assert.Equal(StatusWord.DesfireAdditionalFrame, response.StatusWord);
        Assert.Equal(0x91, response.StatusWord.Sw1);
        Assert.Equal(0xAF, response.StatusWord.Sw2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    public void Parse_FewerThanTwoBytes_Throws(string hex)
    {
        Assert.Throws<ApduFormatException>(() => ResponseApdu.Parse(Hex.Parse(hex)));
    }

    [Fact]
    public void StatusWord_ToString_IsFourHexDigits()
    {
        Assert.Equal("6A82", StatusWord.FileNotFound.ToString());
        Assert.Equal(new StatusWord(0x6A, 0x82), StatusWord.FileNotFound);
    }
}
