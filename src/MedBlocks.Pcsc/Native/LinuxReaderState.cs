using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>SCARD_READERSTATE of pcsc-lite on 64-bit Linux: 80 bytes, DWORD is unsigned long.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LinuxReaderState
{
    public nint Reader;
    public nint UserData;
    public nuint CurrentState;
    public nuint EventState;
    public nuint AtrLength;
    public AtrBuffer33 Atr;
}
