using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire;

public sealed class DesfireFrameTransportTests
{
    [Fact]
    public async Task ExchangeAsync_NoData_SendsCase2Apdu()
    {
        var card = new ScriptedCardTransport().Reply("059100");
        var frames = new DesfireFrameTransport(card);

        var response = await frames.ExchangeAsync(0x6F, default);

        Assert.Equal(Hex.Parse("906F000000"), card.Sent.Single());
        Assert.Equal(DesfireStatus.Ok, response.Status);
        Assert.Equal(new byte[] { 0x05 }, response.Data.ToArray());
    }

    [Fact]
    public async Task ExchangeAsync_ChainedAnswer_SendsBareAfUntilOk()
    {
        var vector = DesfireVectors.Get("get_version_ev1_8k");
        var frames = vector.GetProperty("frames").EnumerateArray().Select(f => f.Bytes()).ToArray();
        var statuses = vector.GetProperty("statusWords").EnumerateArray().Select(f => f.Bytes()).ToArray();
        var card = new ScriptedCardTransport().Reply(frames[0], statuses[0]).Reply(frames[1], statuses[1]).Reply(frames[2], statuses[2]);

        var response = await new DesfireFrameTransport(card).ExchangeAsync(0x60, default);

        Assert.Equal(["9060000000", "90AF000000", "90AF000000"], card.Sent.Select(s => Hex.Of(s)));
        Assert.Equal(frames.SelectMany(f => f).ToArray(), response.Data.ToArray());
    }

    [Fact]
    public async Task ExchangeAsync_LongCommand_SplitsInto54ByteFrames()
    {
        var card = new ScriptedCardTransport().Reply("91AF").Reply("91AF").Reply("9100");
        var data = Hex.Sequence(0, 119);

        await new DesfireFrameTransport(card).ExchangeAsync(0x3D, data);

        Assert.Equal(3, card.Sent.Count);
        Assert.Equal([0x90, 0x3D, 0x00, 0x00, 54, .. data[..54], 0x00], card.Sent[0]);
        Assert.Equal([0x90, 0xAF, 0x00, 0x00, 54, .. data[54..108], 0x00], card.Sent[1]);
        Assert.Equal([0x90, 0xAF, 0x00, 0x00, 12, .. data[108..], 0x00], card.Sent[2]);
    }

    [Fact]
    public async Task ExchangeAsync_ErrorDuringSendChain_StopsAndReturnsStatus()
    {
        var card = new ScriptedCardTransport().Reply("919D");

        var response = await new DesfireFrameTransport(card).ExchangeAsync(0x3D, new byte[100]);

        Assert.Equal(DesfireStatus.PermissionDenied, response.Status);
        Assert.Single(card.Sent);
    }

    [Fact]
    public async Task ExchangeAsync_DataWhileStillSending_ThrowsProtocolError()
    {
        var card = new ScriptedCardTransport().Reply("0191AF");

        await Assert.ThrowsAsync<DesfireProtocolException>(() => new DesfireFrameTransport(card).ExchangeAsync(0x3D, new byte[100]).AsTask());
    }

    [Theory]
    [InlineData("")]
    [InlineData("91")]
    public async Task ExchangeAsync_TruncatedAnswer_ThrowsProtocolError(string reply)
    {
        var card = new ScriptedCardTransport().Reply(reply);

        await Assert.ThrowsAsync<DesfireProtocolException>(() => new DesfireFrameTransport(card).ExchangeAsync(0x6F, default).AsTask());
    }

    [Fact]
    public async Task ExchangeAsync_IsoStatusInsteadOfNative_ThrowsProtocolError()
    {
        var card = new ScriptedCardTransport().Reply("6E00");

        var error = await Assert.ThrowsAsync<DesfireProtocolException>(() => new DesfireFrameTransport(card).ExchangeAsync(0x6F, default).AsTask());
        Assert.Contains("6E00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeAsync_FrameAbove59Bytes_ThrowsProtocolError()
    {
        var card = new ScriptedCardTransport().Reply(new byte[60], [0x91, 0x00]);

        await Assert.ThrowsAsync<DesfireProtocolException>(() => new DesfireFrameTransport(card).ExchangeAsync(0xBD, new byte[7]).AsTask());
    }

    [Fact]
    public async Task ExchangeAsync_EndlessEmptyChaining_StopsAtFrameLimit()
    {
        var card = new DelegateCardTransport((_, _) => [0x91, 0xAF]);
        var frames = new DesfireFrameTransport(card, new DesfireFramingOptions { MaxResponseFrames = 10 });

        await Assert.ThrowsAsync<DesfireProtocolException>(() => frames.ExchangeAsync(0x60, default).AsTask());
        Assert.Equal(10, card.Count);
    }

    [Fact]
    public async Task ExchangeAsync_EndlessFullFrames_StopsAtLengthLimit()
    {
        var card = new DelegateCardTransport((_, _) => [.. new byte[59], 0x91, 0xAF]);
        var frames = new DesfireFrameTransport(card, new DesfireFramingOptions { MaxResponseLength = 1000 });

        var error = await Assert.ThrowsAsync<DesfireProtocolException>(() => frames.ExchangeAsync(0xBD, new byte[7]).AsTask());
        Assert.Contains("1000", error.Message, StringComparison.Ordinal);
        Assert.Equal(17, card.Count);
    }

    [Fact]
    public async Task TransceiveFrameAsync_MoreThan54Bytes_Throws()
    {
        var card = new ScriptedCardTransport();

        await Assert.ThrowsAsync<ArgumentException>(() => new DesfireFrameTransport(card).TransceiveFrameAsync(0xAF, new byte[55]).AsTask());
        Assert.Empty(card.Sent);
    }

    [Fact]
    public async Task TransceiveFrameAsync_AdditionalFrame_ReturnsWithoutChaining()
    {
        var card = new ScriptedCardTransport().Reply("B969FDFE56FD91FC9DE6F6F213B8FD1E91AF");

        var response = await new DesfireFrameTransport(card).TransceiveFrameAsync(0xAA, new byte[] { 0 });

        Assert.Equal(DesfireStatus.AdditionalFrame, response.Status);
        Assert.Equal(16, response.Data.Length);
        Assert.Equal(Hex.Parse("90AA0000010000"), card.Sent.Single());
    }

    [Fact]
    public async Task ExchangeAsync_CancelledToken_Throws()
    {
        var card = new ScriptedCardTransport().Reply("9100");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new DesfireFrameTransport(card).ExchangeAsync(0x6F, default, cancellation.Token).AsTask());
        Assert.Empty(card.Sent);
    }

    [Fact]
    public void Constructor_LimitBelowOneFrame_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DesfireFrameTransport(new ScriptedCardTransport(), new DesfireFramingOptions { MaxResponseLength = 58 }));
    }
}
