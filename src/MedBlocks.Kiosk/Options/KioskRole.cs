namespace MedBlocks.Kiosk.Options;

/// <summary>What a station is for; a station shows only its own role.</summary>
public enum KioskRole
{
    CheckIn,
    Emergency,
    Enrolment,
}
