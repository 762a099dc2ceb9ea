namespace MedBlocks.Simulator.Desfire;

/// <summary>Key types of a DESFire EV1 card. DES is stored as a 16-byte 2K3DES key with equal halves.</summary>
public enum DesfireKeyType
{
    /// <summary>DES or 2K3DES (16 bytes; equal halves means single DES).</summary>
    TwoKeyTripleDes,
    ThreeKeyTripleDes,
    Aes,
}
