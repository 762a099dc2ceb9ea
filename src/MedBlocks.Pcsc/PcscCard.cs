using MedBlocks.Pcsc.Native;

namespace MedBlocks.Pcsc;

/// <summary>A connection to the card in one reader (SCardConnect); disposing leaves the card powered.</summary>
public sealed class PcscCard : IDisposable
{
    /// <summary>MAX_BUFFER_SIZE of short APDUs; extended responses are retried with <see cref="ExtendedBufferSize"/>.</summary>
    public const int ShortBufferSize = 264;

    public const int ExtendedBufferSize = 65548;

    private readonly IPcscInterop interop;
    private readonly PcscCardHandle handle;

    internal PcscCard(IPcscInterop interop, PcscCardHandle handle, string readerName, PcscShareMode shareMode, PcscProtocols activeProtocol)
    {
        this.interop = interop;
        this.handle = handle;
        ReaderName = readerName;
        ShareMode = shareMode;
        ActiveProtocol = activeProtocol;
    }

    public string ReaderName { get; }

    public PcscShareMode ShareMode { get; }

    /// <summary>The protocol negotiated at connect or the last reconnect; it selects the send PCI.</summary>
    public PcscProtocols ActiveProtocol { get; private set; }

    /// <summary>Sends one APDU and returns the card's whole response.</summary>
    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        Span<byte> buffer = stackalloc byte[ShortBufferSize];
        var rv = TryTransmit(command, buffer, out var length);
        if (rv == (uint)PcscErrorCode.InsufficientBuffer)
        {
            var large = new byte[ExtendedBufferSize];
            rv = TryTransmit(command, large, out length);
            PcscErrorMapping.ThrowIfFailed(rv, "SCardTransmit");
            return large.AsSpan(0, length).ToArray();
        }

        PcscErrorMapping.ThrowIfFailed(rv, "SCardTransmit");
        return buffer[..length].ToArray();
    }

    /// <summary>Sends one APDU into a caller buffer; returns the response length.</summary>
    public int Transmit(ReadOnlySpan<byte> command, Span<byte> response)
    {
        var rv = TryTransmit(command, response, out var length);
        PcscErrorMapping.ThrowIfFailed(rv, "SCardTransmit");
        return length;
    }

    internal uint TryTransmit(ReadOnlySpan<byte> command, Span<byte> response, out int length)
    {
        using var use = new HandleUse(handle);
        return interop.Transmit(use.Value, ActiveProtocol, command, response, out length);
    }

    /// <summary>SCardReconnect, e.g. after SCARD_W_RESET_CARD.</summary>
    public void Reconnect(PcscDisposition initialization = PcscDisposition.Leave, PcscProtocols protocols = PcscProtocols.Any)
    {
        using var use = new HandleUse(handle);
        var rv = interop.Reconnect(use.Value, ShareMode, protocols, initialization, out var active);
        PcscErrorMapping.ThrowIfFailed(rv, "SCardReconnect");
        ActiveProtocol = active;
    }

    /// <summary>SCardBeginTransaction: other applications wait until <see cref="EndTransaction"/>.</summary>
    public void BeginTransaction()
    {
        using var use = new HandleUse(handle);
        PcscErrorMapping.ThrowIfFailed(interop.BeginTransaction(use.Value), "SCardBeginTransaction");
    }

    public void EndTransaction(PcscDisposition disposition = PcscDisposition.Leave)
    {
        using var use = new HandleUse(handle);
        PcscErrorMapping.ThrowIfFailed(interop.EndTransaction(use.Value, disposition), "SCardEndTransaction");
    }

    /// <summary>SCardControl with a reader escape function number (e.g. 3500), mapped to the platform's control code.</summary>
    public byte[] Control(int function, ReadOnlySpan<byte> input, int maxOutputLength = ShortBufferSize)
    {
        var output = new byte[maxOutputLength];
        using var use = new HandleUse(handle);
        var rv = interop.Control(use.Value, function, input, output, out var length);
        PcscErrorMapping.ThrowIfFailed(rv, "SCardControl");
        return output.AsSpan(0, length).ToArray();
    }

    public PcscCardStatus GetStatus()
    {
        using var use = new HandleUse(handle);
        var rv = interop.Status(use.Value, out var name, out var state, out var protocol, out var atr);
        PcscErrorMapping.ThrowIfFailed(rv, "SCardStatus");
        return new PcscCardStatus(name, state, protocol, atr);
    }

    /// <summary>Disconnects with an explicit disposition; <see cref="Dispose"/> leaves the card as it is.</summary>
    public void Disconnect(PcscDisposition disposition)
    {
        if (handle.IsClosed)
        {
            return;
        }

        uint rv;
        using (var use = new HandleUse(handle))
        {
            rv = interop.Disconnect(use.Value, disposition);
        }

        handle.SetHandleAsInvalid();
        PcscErrorMapping.ThrowIfFailed(rv, "SCardDisconnect");
    }

    public void Dispose() => handle.Dispose();
}
