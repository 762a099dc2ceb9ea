namespace MedBlocks.Simulator.Desfire;

/// <summary>How the current session was established; the secure messaging rules follow from it.</summary>
internal enum DesfireAuthScheme
{
    /// <summary>0x0A: DES/2K3DES, zero IV per message, 4-byte MAC, CRC16.</summary>
    Legacy,

    /// <summary>0x1A: DES/2K3DES/3K3DES with EV1 secure messaging (CMAC, CRC32, running IV).</summary>
    Iso,

    /// <summary>0xAA: AES with EV1 secure messaging.</summary>
    Aes,
}
