using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Tests.Support;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Simulator.Tests.Transport;

public sealed class SimulatedCardTransportTests
{
    [Fact]
    public async Task Constructor_UnpoweredCard_PowersIt()
    {
        var card = new SimulatedDesfireCard(CardImage.NewBlank(DesfireStorageSize.TwoKilobytes));
        var transport = new SimulatedCardTransport(card);

        Assert.True(card.IsPowered);
        Assert.Equal("0F019100", Hex.Of(await transport.TransmitAsync(Hex.Bytes("9045000000"))));
    }

    [Fact]
    public async Task TransmitAsync_Exchanges_CountsCommandsAndBytes()
    {
        var transport = new SimulatedCardTransport(CardFactory.Blank());
        await transport.TransmitAsync(Hex.Bytes("9060000000"));
        await transport.TransmitAsync(Hex.Bytes("90AF000000"));
        await transport.TransmitAsync(Hex.Bytes("90AF000000"));

        Assert.Equal(3, transport.CommandsSent);
        Assert.Equal(15, transport.BytesSent);
        Assert.Equal(9 + 9 + 16, transport.BytesReceived);

        transport.ResetCounters();
        Assert.Equal(0, transport.CommandsSent);
        Assert.Equal(0, transport.BytesReceived);
    }

    [Fact]
    public async Task TransmitAsync_PowerCut_CardRemovedUntilReconnect()
    {
        var card = CardFactory.Blank();
        var transport = new SimulatedCardTransport(card);
        card.Faults.CutPowerAfter(1);
        await transport.TransmitAsync(Hex.Bytes("9045000000"));

        var first = await Assert.ThrowsAsync<CardRemovedException>(() => transport.TransmitAsync(Hex.Bytes("9045000000")).AsTask());
        Assert.IsType<CardPowerLostException>(first.InnerException);
        await Assert.ThrowsAsync<CardRemovedException>(() => transport.TransmitAsync(Hex.Bytes("9045000000")).AsTask());

        transport.Reconnect();
        Assert.Equal("0F019100", Hex.Of(await transport.TransmitAsync(Hex.Bytes("9045000000"))));
    }

    [Fact]
    public async Task TransmitAsync_Cancelled_Throws()
    {
        var transport = new SimulatedCardTransport(CardFactory.Blank());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAsync<OperationCanceledException>(() => transport.TransmitAsync(Hex.Bytes("9045000000"), cts.Token).AsTask());
    }
}
