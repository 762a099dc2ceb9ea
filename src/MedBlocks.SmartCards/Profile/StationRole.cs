namespace MedBlocks.SmartCards.Profile;

/// <summary>The kind of station that touches a card (access log byte 12).</summary>
#pragma warning disable CA1028 // The wire value is one byte.
public enum StationRole : byte
#pragma warning restore CA1028
{
    Enrolment = 1,
    CheckIn = 2,
    Emergency = 3,
}
