using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>SCARD_READERSTATEW of winscard: 4-byte DWORDs and a 36-byte ATR.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WindowsReaderState
{
    public nint Reader;
    public nint UserData;
    public uint CurrentState;
    public uint EventState;
    public uint AtrLength;
    public AtrBuffer36 Atr;
}
