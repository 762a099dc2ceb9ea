namespace MedBlocks.SmartCards.Desfire;

/// <summary>What an authenticated session expects around a command's answer.</summary>
internal enum ResponseProtection
{
    /// <summary><c>data‖CMAC8</c> over <c>data‖status</c> (plain and MACed answers alike).</summary>
    Maced,

    /// <summary><c>E(data‖CRC32‖pad)</c>.</summary>
    Enciphered,

    /// <summary>No MAC: the command ends the session (ChangeKey of the session key).</summary>
    None,
}
