namespace MedBlocks.SmartCards.Profile;

/// <summary>Why a card is not (or not yet) a readable MedBlocks patient card.</summary>
public enum PatientCardError
{
    /// <summary>The card does not answer as a MIFARE DESFire (GetVersion fails or another vendor).</summary>
    NotDesfire,

    /// <summary>A DESFire the profile cannot use (MF3ICD40, less than 4 KB).</summary>
    UnsupportedCard,

    /// <summary>A DESFire without the MedBlocks application.</summary>
    NoMedBlocksApplication,

    /// <summary>The card's keys are not this network's: a card from another network.</summary>
    ForeignNetwork,

    UnknownProfileVersion,

    /// <summary>Personalisation did not complete: the card info is missing or incomplete.</summary>
    NotIssued,

    /// <summary>A file's content does not parse or does not match the rest of the card.</summary>
    CorruptContent,

    /// <summary>The emergency summary's author signature does not verify.</summary>
    BadSignature,

    /// <summary>The ledger carries a revoke-card entry for this card serial: refuse the card.</summary>
    Revoked,

    /// <summary>Personalisation found an issued card; it is formatted only on explicit request.</summary>
    AlreadyIssued,

    /// <summary>The content does not fit in the card's free memory.</summary>
    CardTooSmall,

    /// <summary>A card with the factory PICC key that holds other applications; it is formatted only knowingly.</summary>
    OtherApplications,

    /// <summary>The read-back after personalisation differs from what was written.</summary>
    VerificationFailed,
}
