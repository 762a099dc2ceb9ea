using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>winscard entry points (Unicode W variants where a string is involved); LONG and DWORD are 4 bytes, handles pointer-sized.</summary>
internal static unsafe class WindowsNativeMethods
{
    private const string Library = "winscard.dll";

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardEstablishContext(uint scope, nint reserved1, nint reserved2, out nint context);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardReleaseContext(nint context);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardListReadersW(nint context, char* groups, char* readers, uint* readersLength);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardGetStatusChangeW(nint context, uint timeout, WindowsReaderState* readerStates, uint count);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardCancel(nint context);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardConnectW(nint context, char* reader, uint shareMode, uint preferredProtocols, out nint card, out uint activeProtocol);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardReconnect(nint card, uint shareMode, uint preferredProtocols, uint initialization, out uint activeProtocol);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardDisconnect(nint card, uint disposition);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardBeginTransaction(nint card);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardEndTransaction(nint card, uint disposition);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardTransmit(nint card, WindowsIoRequest* sendPci, byte* send, uint sendLength, WindowsIoRequest* receivePci, byte* receive, uint* receiveLength);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardControl(nint card, uint controlCode, byte* input, uint inputLength, byte* output, uint outputLength, uint* bytesReturned);

    [DllImport(Library, ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    public static extern int SCardStatusW(nint card, char* readerName, uint* readerLength, uint* state, uint* protocol, byte* atr, uint* atrLength);
}
