using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>pcsc-lite entry points; LONG and DWORD are C longs (8 bytes on 64-bit).</summary>
internal static unsafe class LinuxNativeMethods
{
    private const string Library = "libpcsclite.so.1";

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardEstablishContext(nuint scope, nint reserved1, nint reserved2, out nint context);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardReleaseContext(nint context);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardListReaders(nint context, byte* groups, byte* readers, nuint* readersLength);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardGetStatusChange(nint context, nuint timeout, LinuxReaderState* readerStates, nuint count);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardCancel(nint context);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardConnect(nint context, byte* reader, nuint shareMode, nuint preferredProtocols, out nint card, out nuint activeProtocol);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardReconnect(nint card, nuint shareMode, nuint preferredProtocols, nuint initialization, out nuint activeProtocol);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardDisconnect(nint card, nuint disposition);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardBeginTransaction(nint card);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardEndTransaction(nint card, nuint disposition);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardTransmit(nint card, LinuxIoRequest* sendPci, byte* send, nuint sendLength, LinuxIoRequest* receivePci, byte* receive, nuint* receiveLength);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardControl(nint card, nuint controlCode, byte* input, nuint inputLength, byte* output, nuint outputLength, nuint* bytesReturned);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern nint SCardStatus(nint card, byte* readerName, nuint* readerLength, nuint* state, nuint* protocol, byte* atr, nuint* atrLength);
}
