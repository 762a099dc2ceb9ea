namespace MedBlocks.Kiosk.CheckIn;

public enum CheckInStage
{
    Idle,
    Greeting,
    Ticket,
    Problem,

    /// <summary>The patient chooses records and a clinician to share them with.</summary>
    Consent,

    /// <summary>The patient enters the card PIN to sign the grants.</summary>
    ConsentPin,

    /// <summary>The grants are written; the screen says what was shared with whom.</summary>
    Shared,
}
