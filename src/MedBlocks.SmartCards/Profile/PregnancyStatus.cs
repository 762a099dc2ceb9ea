namespace MedBlocks.SmartCards.Profile;

/// <summary>Pregnancy status on the emergency summary (IPS pregnancy section).</summary>
public enum PregnancyStatus
{
    /// <summary>Nothing recorded (not asked, or not applicable).</summary>
    NotRecorded,
    NotPregnant,
    Pregnant,

    /// <summary>Asked, and the answer is not known.</summary>
    Unknown,
}
