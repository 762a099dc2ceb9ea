namespace MedBlocks.Pcsc.Native;

/// <summary>
/// The PC/SC functions in platform-neutral form. Every method returns the native result code (low
/// 32 bits); the platform bindings convert widths, packing and encodings, so tests can script any result.
/// </summary>
internal interface IPcscInterop
{
    /// <summary>UTF-8 on pcsc-lite and macOS, UTF-16 on Windows.</summary>
    System.Text.Encoding ReaderNameEncoding { get; }

    uint EstablishContext(PcscScope scope, out nint context);

    uint ReleaseContext(nint context);

    /// <summary>SCardListReaders; <paramref name="length"/> is in bytes of <see cref="ReaderNameEncoding"/>.</summary>
    uint ListReaders(nint context, byte[]? buffer, ref int length);

    uint GetStatusChange(nint context, uint timeoutMilliseconds, PcscReaderState[] readers);

    uint Cancel(nint context);

    uint Connect(nint context, string readerName, PcscShareMode shareMode, PcscProtocols preferred, out nint card, out PcscProtocols active);

    uint Reconnect(nint card, PcscShareMode shareMode, PcscProtocols preferred, PcscDisposition initialization, out PcscProtocols active);

    uint Disconnect(nint card, PcscDisposition disposition);

    uint BeginTransaction(nint card);

    uint EndTransaction(nint card, PcscDisposition disposition);

    uint Transmit(nint card, PcscProtocols protocol, ReadOnlySpan<byte> command, Span<byte> response, out int responseLength);

    /// <summary>SCardControl with the platform's control code for <paramref name="function"/> (e.g. 3500).</summary>
    uint Control(nint card, int function, ReadOnlySpan<byte> input, Span<byte> output, out int outputLength);

    uint Status(nint card, out string readerName, out uint state, out PcscProtocols protocol, out byte[] atr);
}
