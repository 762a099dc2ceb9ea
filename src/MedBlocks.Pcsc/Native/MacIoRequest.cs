using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Native;

/// <summary>SCARD_IO_REQUEST of macOS (two uint32_t, packed).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal struct MacIoRequest
{
    public uint Protocol;
    public uint PciLength;
}
