using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MedBlocks.Pcsc.Native;

namespace MedBlocks.Pcsc.Tests.Native;

public sealed class NativeLayoutTests
{
    [Fact]
    public void LinuxReaderState_On64Bit_MatchesMeasuredPcscLiteLayout()
    {
        Assert.True(Environment.Is64BitProcess, "these layouts are the 64-bit ones");
        Assert.Equal(80, Unsafe.SizeOf<LinuxReaderState>());
        Assert.Equal(16, (int)Marshal.OffsetOf<LinuxReaderState>(nameof(LinuxReaderState.CurrentState)));
        Assert.Equal(24, (int)Marshal.OffsetOf<LinuxReaderState>(nameof(LinuxReaderState.EventState)));
        Assert.Equal(32, (int)Marshal.OffsetOf<LinuxReaderState>(nameof(LinuxReaderState.AtrLength)));
        Assert.Equal(40, (int)Marshal.OffsetOf<LinuxReaderState>(nameof(LinuxReaderState.Atr)));
        Assert.Equal(16, Unsafe.SizeOf<LinuxIoRequest>());
    }

    [Fact]
    public void MacReaderState_Packed_Is61Bytes()
    {
        Assert.True(Environment.Is64BitProcess, "these layouts are the 64-bit ones");
        Assert.Equal(61, Unsafe.SizeOf<MacReaderState>());
        Assert.Equal(28, (int)Marshal.OffsetOf<MacReaderState>(nameof(MacReaderState.Atr)));
        Assert.Equal(8, Unsafe.SizeOf<MacIoRequest>());
    }

    [Fact]
    public void WindowsReaderState_On64Bit_Has36ByteAtrAt28()
    {
        Assert.True(Environment.Is64BitProcess, "these layouts are the 64-bit ones");
        Assert.Equal(64, Unsafe.SizeOf<WindowsReaderState>());
        Assert.Equal(28, (int)Marshal.OffsetOf<WindowsReaderState>(nameof(WindowsReaderState.Atr)));
        Assert.Equal(8, Unsafe.SizeOf<WindowsIoRequest>());
    }

    [Fact]
    public void PcscLite_ControlCode3500_Is0x42000DAC()
    {
        Assert.Equal(0x42000DACu, PcscControlCodes.PcscLite(3500));
    }

    [Fact]
    public void Windows_ControlCode3500_IsCtlCodeOfSmartcardDevice()
    {
        Assert.Equal(0x003136B0u, PcscControlCodes.Windows(3500));
    }
}
