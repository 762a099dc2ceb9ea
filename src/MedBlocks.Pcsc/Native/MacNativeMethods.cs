using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>macOS PCSC.framework entry points: 4-byte LONG, DWORD, SCARDCONTEXT and SCARDHANDLE; SCardControl is exported as SCardControl132.</summary>
internal static unsafe class MacNativeMethods
{
    private const string Library = "/System/Library/Frameworks/PCSC.framework/PCSC";

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardEstablishContext(uint scope, nint reserved1, nint reserved2, out int context);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardReleaseContext(int context);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardListReaders(int context, byte* groups, byte* readers, uint* readersLength);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardGetStatusChange(int context, uint timeout, MacReaderState* readerStates, uint count);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardCancel(int context);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardConnect(int context, byte* reader, uint shareMode, uint preferredProtocols, out int card, out uint activeProtocol);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardReconnect(int card, uint shareMode, uint preferredProtocols, uint initialization, out uint activeProtocol);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardDisconnect(int card, uint disposition);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardBeginTransaction(int card);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardEndTransaction(int card, uint disposition);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardTransmit(int card, MacIoRequest* sendPci, byte* send, uint sendLength, MacIoRequest* receivePci, byte* receive, uint* receiveLength);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardControl132(int card, uint controlCode, byte* input, uint inputLength, byte* output, uint outputLength, uint* bytesReturned);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int SCardStatus(int card, byte* readerName, uint* readerLength, uint* state, uint* protocol, byte* atr, uint* atrLength);
}
