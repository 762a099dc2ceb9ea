using System.Net;
using System.Net.Sockets;
using MedBlocks.Pcsc.Tests.TestDoubles;
using MedBlocks.Simulator.Vpcd;

namespace MedBlocks.Pcsc.Tests.Vpcd;

/// <summary>The bridge against a loopback listener playing vpcd, byte by byte where framing matters.</summary>
public sealed class VpcdCardBridgeTests
{
    private static readonly byte[] Uid = [0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6];

    private static async Task<byte[]> ReadFrameAsync(NetworkStream stream)
    {
        var header = new byte[2];
        await stream.ReadExactlyAsync(header);
        var payload = new byte[(header[0] << 8) | header[1]];
        await stream.ReadExactlyAsync(payload);
        return payload;
    }

    private static async Task SendSlowlyAsync(NetworkStream stream, params byte[] payload)
    {
        byte[] frame = [(byte)(payload.Length >> 8), (byte)payload.Length, .. payload];
        foreach (var b in frame)
        {
            await stream.WriteAsync(new[] { b });
            await stream.FlushAsync();
            await Task.Delay(2);
        }
    }

    [Fact]
    public async Task Bridge_VpcdControlsAndApduInPieces_AnswersExactly()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var card = new FixedTestCard(Uid);
        await using var bridge = new VpcdCardBridge(card, (IPEndPoint)listener.LocalEndpoint);

        await bridge.InsertAsync();
        using var vpcd = await listener.AcceptTcpClientAsync();
        var stream = vpcd.GetStream();

        await SendSlowlyAsync(stream, 0x01);
        await SendSlowlyAsync(stream, 0x04);
        var atr = await ReadFrameAsync(stream);
        await SendSlowlyAsync(stream, 0xFF, 0xCA, 0x00, 0x00, 0x00);
        var uid = await ReadFrameAsync(stream);
        await SendSlowlyAsync(stream, 0x00, 0xEE, 0x00, 0x00, 0x03, 0x0A, 0x0B, 0x0C);
        var echo = await ReadFrameAsync(stream);

        Assert.Equal([0x3B, 0x81, 0x80, 0x01, 0x80, 0x80], atr);
        Assert.Equal([.. Uid, 0x90, 0x00], uid);
        Assert.Equal([0x0A, 0x0B, 0x0C, 0x90, 0x00], echo);
        Assert.True(card.IsPowered);
        Assert.Equal(1, card.PowerOns);
    }

    [Fact]
    public async Task Bridge_PowerOffAndReset_ChangeCardPowerWithoutReply()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var card = new FixedTestCard(Uid);
        await using var bridge = new VpcdCardBridge(card, (IPEndPoint)listener.LocalEndpoint);
        await bridge.InsertAsync();
        using var vpcd = await listener.AcceptTcpClientAsync();
        var stream = vpcd.GetStream();

        await SendSlowlyAsync(stream, 0x01);
        await SendSlowlyAsync(stream, 0x00);
        await SendSlowlyAsync(stream, 0x02);
        await SendSlowlyAsync(stream, 0x04);
        var atr = await ReadFrameAsync(stream);

        Assert.Equal(6, atr.Length);
        Assert.Equal(2, card.PowerOns);
        Assert.True(card.IsPowered);
    }

    [Fact]
    public async Task Bridge_VpcdClosesSlot_CompletionEnds()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        await using var bridge = new VpcdCardBridge(new FixedTestCard(Uid), (IPEndPoint)listener.LocalEndpoint);
        await bridge.InsertAsync();
        var vpcd = await listener.AcceptTcpClientAsync();

        vpcd.Dispose();

        await bridge.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(bridge.IsInserted);
    }

    [Fact]
    public async Task RemoveAsync_ClosesTheConnection_VpcdSeesEndOfStream()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var card = new FixedTestCard(Uid);
        var bridge = new VpcdCardBridge(card, (IPEndPoint)listener.LocalEndpoint);
        await bridge.InsertAsync();
        using var vpcd = await listener.AcceptTcpClientAsync();
        var stream = vpcd.GetStream();
        await SendSlowlyAsync(stream, 0x01);

        await bridge.RemoveAsync();

        var buffer = new byte[1];
        Assert.Equal(0, await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(card.IsPowered);
    }

    [Fact]
    public void Constructor_Slot1_UsesNextPortOnLoopback()
    {
        var bridge = new VpcdCardBridge(new FixedTestCard(Uid), slot: 1);

        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 35964), bridge.Endpoint);
    }
}
