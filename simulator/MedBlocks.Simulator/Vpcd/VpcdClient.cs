using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace MedBlocks.Simulator.Vpcd;

/// <summary>
/// The card side of one vpcd slot: a TCP connection carrying frames of a 2-byte big-endian length
/// followed by that many bytes, in both directions. Reads and writes loop until whole.
/// </summary>
public sealed class VpcdClient : IDisposable
{
    public const int MaxFrameLength = 0xFFFF;

    private readonly Socket socket;

    private VpcdClient(Socket socket) => this.socket = socket;

    public static async Task<VpcdClient> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            return new VpcdClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The next frame from vpcd, or null when vpcd closed the connection between frames.</summary>
    public async Task<byte[]?> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        var header = new byte[2];
        if (!await ReadExactlyAsync(header, allowCleanEnd: true, cancellationToken))
        {
            return null;
        }

        var payload = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
        await ReadExactlyAsync(payload, allowCleanEnd: false, cancellationToken);
        return payload;
    }

    public async Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        if (payload.Length > MaxFrameLength)
        {
            throw new ArgumentException($"A vpcd frame holds at most {MaxFrameLength} bytes, not {payload.Length}.", nameof(payload));
        }

        var frame = new byte[payload.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
        payload.CopyTo(frame.AsMemory(2));
        var sent = 0;
        while (sent < frame.Length)
        {
            sent += await socket.SendAsync(frame.AsMemory(sent), SocketFlags.None, cancellationToken);
        }
    }

    private async Task<bool> ReadExactlyAsync(Memory<byte> buffer, bool allowCleanEnd, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            if (OperatingSystem.IsLinux())
            {
                // Linux re-enables delayed ACKs after each receive; without this every APDU waits ~40 ms.
                socket.SetRawSocketOption(6 /* IPPROTO_TCP */, 12 /* TCP_QUICKACK */, BitConverter.GetBytes(1));
            }

            var n = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken);
            if (n == 0)
            {
                if (read == 0 && allowCleanEnd)
                {
                    return false;
                }

                throw new EndOfStreamException($"vpcd closed the connection inside a frame ({read} of {buffer.Length} bytes).");
            }

            read += n;
        }

        return true;
    }

    /// <summary>Closes the connection: to vpcd this is the card leaving the field.</summary>
    public void Dispose()
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already closed by the peer.
        }

        socket.Dispose();
    }
}
