using System.Runtime.InteropServices;
using System.Text;

namespace MedBlocks.Pcsc.Native;

/// <summary>macOS PCSC.framework binding: 4-byte integers and handles, packed structs, UTF-8 names.</summary>
internal sealed unsafe class MacPcscInterop : IPcscInterop
{
    private const int MaxReaderNameBytes = 256;
    private const int MaxAtrBytes = 33;

    public Encoding ReaderNameEncoding => Encoding.UTF8;

    private static uint Result(int rv) => unchecked((uint)rv);

    public uint EstablishContext(PcscScope scope, out nint context)
    {
        var rv = Result(MacNativeMethods.SCardEstablishContext((uint)scope, 0, 0, out var handle));
        context = handle;
        return rv;
    }

    public uint ReleaseContext(nint context) => Result(MacNativeMethods.SCardReleaseContext((int)context));

    public uint ListReaders(nint context, byte[]? buffer, ref int length)
    {
        uint size = buffer is null ? 0 : (uint)length;
        fixed (byte* p = buffer)
        {
            var rv = Result(MacNativeMethods.SCardListReaders((int)context, null, p, &size));
            length = (int)size;
            return rv;
        }
    }

    public uint GetStatusChange(nint context, uint timeoutMilliseconds, PcscReaderState[] readers)
    {
        var native = new MacReaderState[readers.Length];
        try
        {
            for (var i = 0; i < readers.Length; i++)
            {
                native[i].Reader = Marshal.StringToCoTaskMemUTF8(readers[i].ReaderName);
                native[i].CurrentState = (uint)readers[i].CurrentState;
            }

            uint rv;
            fixed (MacReaderState* p = native)
            {
                rv = Result(MacNativeMethods.SCardGetStatusChange((int)context, timeoutMilliseconds, p, (uint)native.Length));
            }

            if (rv == 0)
            {
                for (var i = 0; i < readers.Length; i++)
                {
                    readers[i].EventState = (ReaderStates)(uint)native[i].EventState;
                    var atrLength = Math.Min((int)native[i].AtrLength, MaxAtrBytes);
                    ReadOnlySpan<byte> atr = native[i].Atr;
                    readers[i].Atr = atr[..atrLength].ToArray();
                }
            }

            return rv;
        }
        finally
        {
            foreach (var entry in native)
            {
                Marshal.FreeCoTaskMem(entry.Reader);
            }
        }
    }

    public uint Cancel(nint context) => Result(MacNativeMethods.SCardCancel((int)context));

    public uint Connect(nint context, string readerName, PcscShareMode shareMode, PcscProtocols preferred, out nint card, out PcscProtocols active)
    {
        var name = NullTerminated(readerName);
        fixed (byte* p = name)
        {
            var rv = Result(MacNativeMethods.SCardConnect((int)context, p, (uint)shareMode, (uint)preferred, out var handle, out var protocol));
            card = handle;
            active = (PcscProtocols)(int)protocol;
            return rv;
        }
    }

    public uint Reconnect(nint card, PcscShareMode shareMode, PcscProtocols preferred, PcscDisposition initialization, out PcscProtocols active)
    {
        var rv = Result(MacNativeMethods.SCardReconnect((int)card, (uint)shareMode, (uint)preferred, (uint)initialization, out var protocol));
        active = (PcscProtocols)(int)protocol;
        return rv;
    }

    public uint Disconnect(nint card, PcscDisposition disposition) =>
        Result(MacNativeMethods.SCardDisconnect((int)card, (uint)disposition));

    public uint BeginTransaction(nint card) => Result(MacNativeMethods.SCardBeginTransaction((int)card));

    public uint EndTransaction(nint card, PcscDisposition disposition) =>
        Result(MacNativeMethods.SCardEndTransaction((int)card, (uint)disposition));

    public uint Transmit(nint card, PcscProtocols protocol, ReadOnlySpan<byte> command, Span<byte> response, out int responseLength)
    {
        // A NULL send PCI fails on pcsc-lite, so build one for the active protocol.
        var pci = new MacIoRequest { Protocol = (uint)protocol, PciLength = (uint)sizeof(MacIoRequest) };
        uint length = (uint)response.Length;
        fixed (byte* send = command)
        fixed (byte* receive = response)
        {
            var rv = Result(MacNativeMethods.SCardTransmit((int)card, &pci, send, (uint)command.Length, null, receive, &length));
            responseLength = rv == 0 ? (int)length : 0;
            return rv;
        }
    }

    public uint Control(nint card, int function, ReadOnlySpan<byte> input, Span<byte> output, out int outputLength)
    {
        uint returned = 0;
        fixed (byte* i = input)
        fixed (byte* o = output)
        {
            var rv = Result(MacNativeMethods.SCardControl132((int)card, PcscControlCodes.PcscLite(function), i, (uint)input.Length, o, (uint)output.Length, &returned));
            outputLength = rv == 0 ? (int)returned : 0;
            return rv;
        }
    }

    public uint Status(nint card, out string readerName, out uint state, out PcscProtocols protocol, out byte[] atr)
    {
        var name = new byte[MaxReaderNameBytes];
        var atrBuffer = new byte[MaxAtrBytes];
        uint nameLength = (uint)name.Length;
        uint atrLength = (uint)atrBuffer.Length;
        uint nativeState = 0;
        uint nativeProtocol = 0;
        uint rv;
        fixed (byte* n = name)
        fixed (byte* a = atrBuffer)
        {
            rv = Result(MacNativeMethods.SCardStatus((int)card, n, &nameLength, &nativeState, &nativeProtocol, a, &atrLength));
        }

        readerName = rv == 0 ? PcscMultiString.DecodeFirst(name.AsSpan(0, (int)nameLength), Encoding.UTF8) : string.Empty;
        state = (uint)nativeState;
        protocol = (PcscProtocols)(int)nativeProtocol;
        atr = rv == 0 ? atrBuffer.AsSpan(0, (int)atrLength).ToArray() : [];
        return rv;
    }

    private static byte[] NullTerminated(string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }
}
