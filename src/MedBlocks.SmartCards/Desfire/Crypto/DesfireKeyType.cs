namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>The cipher a DESFire key belongs to.</summary>
public enum DesfireKeyType
{
    /// <summary>Single DES, 8 bytes; the card treats it as 2K3DES with equal halves.</summary>
    Des,

    /// <summary>Two-key triple DES, 16 bytes.</summary>
    TwoKey3Des,

    /// <summary>Three-key triple DES, 24 bytes.</summary>
    ThreeKey3Des,

    /// <summary>AES-128, 16 bytes.</summary>
    Aes,
}
