namespace MedBlocks.SmartCards.Profile;

/// <summary>Why a readable card does not sign anyone in at this station.</summary>
public enum StaffSignInError
{
    /// <summary>The card is a patient card, not a staff card.</summary>
    PatientCard,

    /// <summary>A staff card whose role this station does not accept (a registrar at a paramedic station).</summary>
    RoleNotAllowed,

    /// <summary>A staff card revoked on the ledger (lost, stolen, replaced…): its holder needs their new card.</summary>
    Revoked,
}
