namespace MedBlocks.Pcsc.Native;

/// <summary>Picks the binding for the running platform.</summary>
internal static class PcscInteropFactory
{
    public static IPcscInterop ForCurrentPlatform()
    {
        if (OperatingSystem.IsWindows())
        {
            return new WindowsPcscInterop();
        }

        if (OperatingSystem.IsMacOS())
        {
            return new MacPcscInterop();
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsFreeBSD())
        {
            return new LinuxPcscInterop();
        }

        throw new PlatformNotSupportedException("PC/SC is available on Linux (pcsc-lite), macOS and Windows only.");
    }
}
