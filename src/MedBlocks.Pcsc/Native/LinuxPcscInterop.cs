using System.Runtime.InteropServices;
using System.Text;

namespace MedBlocks.Pcsc.Native;

/// <summary>pcsc-lite binding: native-width integers, UTF-8 names, PCI built from the active protocol.</summary>
internal sealed unsafe class LinuxPcscInterop : IPcscInterop
{
    private const int MaxReaderNameBytes = 256;
    private const int MaxAtrBytes = 33;

    public Encoding ReaderNameEncoding => Encoding.UTF8;

    private static uint Result(nint rv) => unchecked((uint)(long)rv);

    public uint EstablishContext(PcscScope scope, out nint context) =>
        Result(LinuxNativeMethods.SCardEstablishContext((nuint)scope, 0, 0, out context));

    public uint ReleaseContext(nint context) => Result(LinuxNativeMethods.SCardReleaseContext(context));

    public uint ListReaders(nint context, byte[]? buffer, ref int length)
    {
        nuint size = buffer is null ? 0 : (nuint)length;
        fixed (byte* p = buffer)
        {
            var rv = Result(LinuxNativeMethods.SCardListReaders(context, null, p, &size));
            length = (int)size;
            return rv;
        }
    }

    public uint GetStatusChange(nint context, uint timeoutMilliseconds, PcscReaderState[] readers)
    {
        var native = new LinuxReaderState[readers.Length];
        try
        {
            for (var i = 0; i < readers.Length; i++)
            {
                native[i].Reader = Marshal.StringToCoTaskMemUTF8(readers[i].ReaderName);
                native[i].CurrentState = (nuint)(uint)readers[i].CurrentState;
            }

            uint rv;
            fixed (LinuxReaderState* p = native)
            {
                // INFINITE is 0xFFFFFFFF also where DWORD is 64 bits wide.
                rv = Result(LinuxNativeMethods.SCardGetStatusChange(context, timeoutMilliseconds, p, (nuint)native.Length));
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

    public uint Cancel(nint context) => Result(LinuxNativeMethods.SCardCancel(context));

    public uint Connect(nint context, string readerName, PcscShareMode shareMode, PcscProtocols preferred, out nint card, out PcscProtocols active)
    {
        var name = NullTerminated(readerName);
        fixed (byte* p = name)
        {
            var rv = Result(LinuxNativeMethods.SCardConnect(context, p, (nuint)shareMode, (nuint)preferred, out card, out var protocol));
            active = (PcscProtocols)(int)protocol;
            return rv;
        }
    }

    public uint Reconnect(nint card, PcscShareMode shareMode, PcscProtocols preferred, PcscDisposition initialization, out PcscProtocols active)
    {
        var rv = Result(LinuxNativeMethods.SCardReconnect(card, (nuint)shareMode, (nuint)preferred, (nuint)initialization, out var protocol));
        active = (PcscProtocols)(int)protocol;
        return rv;
    }

    public uint Disconnect(nint card, PcscDisposition disposition) =>
        Result(LinuxNativeMethods.SCardDisconnect(card, (nuint)disposition));

    public uint BeginTransaction(nint card) => Result(LinuxNativeMethods.SCardBeginTransaction(card));

    public uint EndTransaction(nint card, PcscDisposition disposition) =>
        Result(LinuxNativeMethods.SCardEndTransaction(card, (nuint)disposition));

    public uint Transmit(nint card, PcscProtocols protocol, ReadOnlySpan<byte> command, Span<byte> response, out int responseLength)
    {
        // A NULL send PCI fails on pcsc-lite, so build one for the active protocol.
        var pci = new LinuxIoRequest { Protocol = (nuint)protocol, PciLength = (nuint)sizeof(LinuxIoRequest) };
        nuint length = (nuint)response.Length;
        fixed (byte* send = command)
        fixed (byte* receive = response)
        {
            var rv = Result(LinuxNativeMethods.SCardTransmit(card, &pci, send, (nuint)command.Length, null, receive, &length));
            responseLength = rv == 0 ? (int)length : 0;
            return rv;
        }
    }

    public uint Control(nint card, int function, ReadOnlySpan<byte> input, Span<byte> output, out int outputLength)
    {
        nuint returned = 0;
        fixed (byte* i = input)
        fixed (byte* o = output)
        {
            var rv = Result(LinuxNativeMethods.SCardControl(card, PcscControlCodes.PcscLite(function), i, (nuint)input.Length, o, (nuint)output.Length, &returned));
            outputLength = rv == 0 ? (int)returned : 0;
            return rv;
        }
    }

    public uint Status(nint card, out string readerName, out uint state, out PcscProtocols protocol, out byte[] atr)
    {
        var name = new byte[MaxReaderNameBytes];
        var atrBuffer = new byte[MaxAtrBytes];
        nuint nameLength = (nuint)name.Length;
        nuint atrLength = (nuint)atrBuffer.Length;
        nuint nativeState = 0;
        nuint nativeProtocol = 0;
        uint rv;
        fixed (byte* n = name)
        fixed (byte* a = atrBuffer)
        {
            rv = Result(LinuxNativeMethods.SCardStatus(card, n, &nameLength, &nativeState, &nativeProtocol, a, &atrLength));
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
