using MedBlocks.Pcsc.Tests.TestDoubles;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Pcsc.Tests;

public sealed class PcscCardTests
{
    private static (ScriptedPcscInterop Interop, PcscContext Context, PcscCard Card) Connected(PcscProtocols protocol = PcscProtocols.T1)
    {
        var interop = new ScriptedPcscInterop { Readers = ["R"], OnConnect = _ => (0, protocol) };
        var context = PcscContext.Establish(interop);
        return (interop, context, context.Connect("R"));
    }

    [Fact]
    public void Transmit_UsesActiveProtocolForThePci()
    {
        var (interop, context, card) = Connected(PcscProtocols.T0);
        interop.TransmitSteps.Enqueue(_ => (0, [0x90, 0x00]));

        var response = card.Transmit([0x00, 0xA4, 0x04, 0x00, 0x00]);

        Assert.Equal([0x90, 0x00], response);
        Assert.Contains("Transmit:T0:00A4040000", interop.CallsSnapshot());
        card.Dispose();
        context.Dispose();
    }

    [Fact]
    public void Transmit_ResponseLongerThanShortBuffer_RetriesWithExtendedBuffer()
    {
        var (interop, context, card) = Connected();
        var big = Enumerable.Range(0, 1002).Select(i => (byte)i).ToArray();
        interop.TransmitSteps.Enqueue(_ => (0, big));
        interop.TransmitSteps.Enqueue(_ => (0, big));

        var response = card.Transmit([0x00, 0xB0, 0x00, 0x00, 0x00, 0x03, 0xE8]);

        Assert.Equal(big, response);
        card.Dispose();
        context.Dispose();
    }

    [Fact]
    public void Transmit_RemovedCard_ThrowsCardRemoved()
    {
        var (interop, context, card) = Connected();
        interop.TransmitSteps.Enqueue(_ => ((uint)PcscErrorCode.RemovedCard, []));

        Assert.Throws<CardRemovedException>(() => card.Transmit([0x00, 0x00, 0x00, 0x00]));
        card.Dispose();
        context.Dispose();
    }

    [Fact]
    public void Reconnect_UpdatesActiveProtocol()
    {
        var (interop, context, card) = Connected(PcscProtocols.T1);
        interop.OnReconnect = _ => (0, PcscProtocols.T0);

        card.Reconnect(PcscDisposition.Reset);

        Assert.Equal(PcscProtocols.T0, card.ActiveProtocol);
        Assert.Contains("Reconnect:Reset", interop.CallsSnapshot());
        card.Dispose();
        context.Dispose();
    }

    [Fact]
    public void Dispose_DisconnectsWithLeave()
    {
        var (interop, context, card) = Connected();

        card.Dispose();
        context.Dispose();

        Assert.Equal(["Disconnect:Leave", "Release:1000"], interop.CallsSnapshot().TakeLast(2));
    }

    [Fact]
    public void Disconnect_WithUnpower_DisconnectsOnceWithThatDisposition()
    {
        var (interop, context, card) = Connected();

        card.Disconnect(PcscDisposition.Unpower);
        card.Dispose();
        context.Dispose();

        Assert.Equal(1, interop.CallsSnapshot().Count(c => c.StartsWith("Disconnect", StringComparison.Ordinal)));
        Assert.Contains("Disconnect:Unpower", interop.CallsSnapshot());
    }

    [Fact]
    public void GetStatus_ReturnsReaderProtocolAndAtr()
    {
        var (_, context, card) = Connected();

        var status = card.GetStatus();

        Assert.Equal("R", status.ReaderName);
        Assert.Equal(PcscProtocols.T1, status.Protocol);
        Assert.Equal([0x3B, 0x81, 0x80, 0x01, 0x80, 0x80], status.Atr.ToArray());
        card.Dispose();
        context.Dispose();
    }

    [Fact]
    public void Control_PassesFunctionAndInput()
    {
        var (interop, context, card) = Connected();

        var output = card.Control(3500, [0xE0, 0x00, 0x00, 0x28, 0x01, 0x05]);

        Assert.Equal([0x90, 0x00], output);
        Assert.Contains("Control:3500:E00000280105", interop.CallsSnapshot());
        card.Dispose();
        context.Dispose();
    }
}
