using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Tests.Support;

namespace MedBlocks.Simulator.Tests.Card;

public sealed class SimulatedDesfireCardTests
{
    [Fact]
    public void Atr_Ev1_PcscAtr()
    {
        Assert.Equal(TestVectors.Get("atr_desfire_ev1_pcsc"), Hex.Of(CardFactory.Blank().Atr.Span));
    }

    [Fact]
    public void Process_GetUidPseudoApdu_UidAnd9000()
    {
        Assert.Equal("04063F726334809000", Hex.Of(CardFactory.Blank().Process(Hex.Bytes("FFCA000000"))));
    }

    [Fact]
    public void Process_GetAtsPseudoApdu_AtsAnd9000()
    {
        Assert.Equal(TestVectors.Get("ats_desfire_ev1") + "9000", Hex.Of(CardFactory.Blank().Process(Hex.Bytes("FFCA010000"))));
    }

    [Theory]
    [InlineData("FFCA020000", "6A81")]
    [InlineData("FFCA000004", "6C07")]
    [InlineData("FFCA000100", "6A86")]
    [InlineData("FFB0000000", "6D00")]
    [InlineData("6000000000", "6E00")]
    [InlineData("0060000000", "6E00")]
    [InlineData("906001000000", "6A86")]
    [InlineData("906000000500", "6700")]
    [InlineData("9060", "6700")]
    public void Process_UnsupportedOrMalformedApdu_IsoStatus(string apdu, string expected)
    {
        Assert.Equal(expected, Hex.Of(CardFactory.Blank().Process(Hex.Bytes(apdu))));
    }

    [Fact]
    public void Process_WrappedWithoutLe_Accepted()
    {
        Assert.Equal("0F019100", Hex.Of(CardFactory.Blank().Process(Hex.Bytes("90450000"))));
    }

    [Fact]
    public void Process_Unpowered_ThrowsPowerLost()
    {
        var card = new SimulatedDesfireCard(CardImage.NewBlank(DesfireStorageSize.TwoKilobytes));
        Assert.Throws<CardPowerLostException>(() => card.Process(Hex.Bytes("9060000000")));
    }

    [Fact]
    public void Process_LongRead_FramesOf59BytesWithAf()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.Expect(0xCA, Hex.Bytes("010000 0F 01"));
        host.Expect(0x5A, Hex.Bytes("010000"));
        host.Expect(0xCD, Hex.Bytes("01 00 EEEE 960000"));
        var content = Enumerable.Range(0, 150).Select(i => (byte)(i * 7)).ToArray();
        host.Expect(0x3D, [0x01, 0, 0, 0, 150, 0, 0, .. content]);

        var first = card.Process(Hex.Bytes("90BD0000070100000000000000"));
        var second = card.Process(Hex.Bytes("90AF000000"));
        var third = card.Process(Hex.Bytes("90AF000000"));

        Assert.Equal(61, first.Length);
        Assert.EndsWith("91AF", Hex.Of(first), StringComparison.Ordinal);
        Assert.EndsWith("91AF", Hex.Of(second), StringComparison.Ordinal);
        Assert.EndsWith("9100", Hex.Of(third), StringComparison.Ordinal);
        Assert.Equal(Hex.Of(content), Hex.Of(first)[..^4] + Hex.Of(second)[..^4] + Hex.Of(third)[..^4]);
    }

    [Fact]
    public void Process_ChainedWrite_IntermediateFramesAnswerAfWithoutData()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.Expect(0xCA, Hex.Bytes("010000 0F 01"));
        host.Expect(0x5A, Hex.Bytes("010000"));
        host.Expect(0xCD, Hex.Bytes("01 00 EEEE 640000"));
        var content = Hex.Sequence(0, 99);

        var first = card.Process(DesfireTestHost.Wrap(0x3D, [0x01, 0, 0, 0, 100, 0, 0, .. content[..47]]));
        var second = card.Process(DesfireTestHost.Wrap(0xAF, content[47..]));

        Assert.Equal("91AF", Hex.Of(first));
        Assert.Equal("9100", Hex.Of(second));
        Assert.Equal(content, card.State.FindApplication(1)!.GetFiles().Single().GetData());
    }

    [Fact]
    public void Process_UnexpectedAdditionalFrame_IllegalCommand()
    {
        Assert.Equal("911C", Hex.Of(CardFactory.Blank().Process(Hex.Bytes("90AF000000"))));
    }

    [Fact]
    public void PowerOff_DuringResponseChain_ChainForgotten()
    {
        var card = CardFactory.Blank();
        card.Process(Hex.Bytes("9060000000"));
        card.Reset();
        Assert.Equal("911C", Hex.Of(card.Process(Hex.Bytes("90AF000000"))));
    }
}
