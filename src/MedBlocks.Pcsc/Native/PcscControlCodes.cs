namespace MedBlocks.Pcsc.Native;

/// <summary>SCardControl codes: pcsc-lite and macOS add 0x42000000; Windows uses CTL_CODE(FILE_DEVICE_SMARTCARD, c, METHOD_BUFFERED, FILE_ANY_ACCESS).</summary>
internal static class PcscControlCodes
{
    public static uint PcscLite(int function) => 0x42000000u + (uint)function;

    public static uint Windows(int function) => (0x31u << 16) | ((uint)function << 2);
}
