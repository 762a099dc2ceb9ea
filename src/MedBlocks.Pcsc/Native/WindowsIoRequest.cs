using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>SCARD_IO_REQUEST of winscard (two DWORDs).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct WindowsIoRequest
{
    public uint Protocol;
    public uint PciLength;
}
