using System.Runtime.InteropServices;
using System.Text;

namespace MedBlocks.Pcsc.Native;

/// <summary>winscard binding: 4-byte DWORDs, UTF-16 names, RAW = 0x10000, reader count in the PnP entry's high word.</summary>
internal sealed unsafe class WindowsPcscInterop : IPcscInterop
{
    private const int MaxReaderNameChars = 256;
    private const int MaxAtrBytes = 36;
    private const uint WindowsRaw = 0x10000;

    public Encoding ReaderNameEncoding => Encoding.Unicode;

    private static uint Result(int rv) => unchecked((uint)rv);

    private static uint ToNative(PcscProtocols protocols) =>
        ((uint)protocols & (uint)PcscProtocols.Any) | (protocols.HasFlag(PcscProtocols.Raw) ? WindowsRaw : 0);

    private static PcscProtocols FromNative(uint protocols) =>
        (PcscProtocols)(protocols & (uint)PcscProtocols.Any) | ((protocols & WindowsRaw) != 0 ? PcscProtocols.Raw : PcscProtocols.None);

    public uint EstablishContext(PcscScope scope, out nint context) =>
        Result(WindowsNativeMethods.SCardEstablishContext((uint)scope, 0, 0, out context));

    public uint ReleaseContext(nint context) => Result(WindowsNativeMethods.SCardReleaseContext(context));

    public uint ListReaders(nint context, byte[]? buffer, ref int length)
    {
        // The seam counts bytes; winscard counts UTF-16 characters.
        uint chars = buffer is null ? 0 : (uint)(length / sizeof(char));
        fixed (byte* p = buffer)
        {
            var rv = Result(WindowsNativeMethods.SCardListReadersW(context, null, (char*)p, &chars));
            length = (int)chars * sizeof(char);
            return rv;
        }
    }

    public uint GetStatusChange(nint context, uint timeoutMilliseconds, PcscReaderState[] readers)
    {
        var native = new WindowsReaderState[readers.Length];
        var realReaders = (uint)readers.Count(r => r.ReaderName != PcscReaderState.PnpNotification);
        try
        {
            for (var i = 0; i < readers.Length; i++)
            {
                native[i].Reader = Marshal.StringToCoTaskMemUni(readers[i].ReaderName);
                var current = (uint)readers[i].CurrentState;
                if (readers[i].ReaderName == PcscReaderState.PnpNotification)
                {
                    // Without the known reader count in the high word the PnP wait returns at once.
                    current = (current & 0xFFFF) | (realReaders << 16);
                }

                native[i].CurrentState = current;
            }

            uint rv;
            fixed (WindowsReaderState* p = native)
            {
                rv = Result(WindowsNativeMethods.SCardGetStatusChangeW(context, timeoutMilliseconds, p, (uint)native.Length));
            }

            if (rv == 0)
            {
                for (var i = 0; i < readers.Length; i++)
                {
                    readers[i].EventState = (ReaderStates)native[i].EventState;
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

    public uint Cancel(nint context) => Result(WindowsNativeMethods.SCardCancel(context));

    public uint Connect(nint context, string readerName, PcscShareMode shareMode, PcscProtocols preferred, out nint card, out PcscProtocols active)
    {
        fixed (char* p = readerName)
        {
            var rv = Result(WindowsNativeMethods.SCardConnectW(context, p, (uint)shareMode, ToNative(preferred), out card, out var protocol));
            active = FromNative(protocol);
            return rv;
        }
    }

    public uint Reconnect(nint card, PcscShareMode shareMode, PcscProtocols preferred, PcscDisposition initialization, out PcscProtocols active)
    {
        var rv = Result(WindowsNativeMethods.SCardReconnect(card, (uint)shareMode, ToNative(preferred), (uint)initialization, out var protocol));
        active = FromNative(protocol);
        return rv;
    }

    public uint Disconnect(nint card, PcscDisposition disposition) =>
        Result(WindowsNativeMethods.SCardDisconnect(card, (uint)disposition));

    public uint BeginTransaction(nint card) => Result(WindowsNativeMethods.SCardBeginTransaction(card));

    public uint EndTransaction(nint card, PcscDisposition disposition) =>
        Result(WindowsNativeMethods.SCardEndTransaction(card, (uint)disposition));

    public uint Transmit(nint card, PcscProtocols protocol, ReadOnlySpan<byte> command, Span<byte> response, out int responseLength)
    {
        var pci = new WindowsIoRequest { Protocol = ToNative(protocol), PciLength = (uint)sizeof(WindowsIoRequest) };
        uint length = (uint)response.Length;
        fixed (byte* send = command)
        fixed (byte* receive = response)
        {
            var rv = Result(WindowsNativeMethods.SCardTransmit(card, &pci, send, (uint)command.Length, null, receive, &length));
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
            var rv = Result(WindowsNativeMethods.SCardControl(card, PcscControlCodes.Windows(function), i, (uint)input.Length, o, (uint)output.Length, &returned));
            outputLength = rv == 0 ? (int)returned : 0;
            return rv;
        }
    }

    public uint Status(nint card, out string readerName, out uint state, out PcscProtocols protocol, out byte[] atr)
    {
        var name = new char[MaxReaderNameChars];
        var atrBuffer = new byte[MaxAtrBytes];
        uint nameLength = (uint)name.Length;
        uint atrLength = (uint)atrBuffer.Length;
        uint nativeState = 0;
        uint nativeProtocol = 0;
        uint rv;
        fixed (char* n = name)
        fixed (byte* a = atrBuffer)
        {
            rv = Result(WindowsNativeMethods.SCardStatusW(card, n, &nameLength, &nativeState, &nativeProtocol, a, &atrLength));
        }

        readerName = rv == 0 ? new string(name, 0, (int)nameLength).Split('\0', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty : string.Empty;
        state = nativeState;
        protocol = FromNative(nativeProtocol);
        atr = rv == 0 ? atrBuffer.AsSpan(0, (int)atrLength).ToArray() : [];
        return rv;
    }
}
