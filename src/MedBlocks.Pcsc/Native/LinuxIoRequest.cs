using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>SCARD_IO_REQUEST of pcsc-lite (two unsigned longs).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct LinuxIoRequest
{
    public nuint Protocol;
    public nuint PciLength;
}
