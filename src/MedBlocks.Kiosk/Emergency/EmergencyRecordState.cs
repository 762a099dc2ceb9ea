namespace MedBlocks.Kiosk.Emergency;

/// <summary>What became of one emergency-tagged record at the paramedic station.</summary>
public enum EmergencyRecordState
{
    /// <summary>Decrypted and verified; plain text shown.</summary>
    Shown,

    /// <summary>Decrypted and verified, but not plain text: not displayed on this station.</summary>
    NotDisplayable,

    /// <summary>The record holds no key for the signed-in member of staff.</summary>
    NoKey,

    /// <summary>Signature, hash or ciphertext did not verify: nothing of it is shown.</summary>
    Tampered,

    /// <summary>The record store (or the ledger, for the audit entry) could not be reached for this record.</summary>
    Unavailable,
}
