using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>SCARD_READERSTATE of macOS PCSC.framework: packed to 1 byte, DWORD is uint32_t.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal struct MacReaderState
{
    public nint Reader;
    public nint UserData;
    public uint CurrentState;
    public uint EventState;
    public uint AtrLength;
    public AtrBuffer33 Atr;
}
