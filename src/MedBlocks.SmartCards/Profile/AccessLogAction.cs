namespace MedBlocks.SmartCards.Profile;

/// <summary>What a station did with the card (access log byte 13).</summary>
#pragma warning disable CA1028 // The wire value is one byte.
public enum AccessLogAction : byte
#pragma warning restore CA1028
{
    ReadIdentity = 1,
    ReadEmergency = 2,
    Grant = 3,
    Write = 4,

    /// <summary>A paramedic station read the patient's emergency-tagged records online (logged with K3 after the tap).</summary>
    ReadEmergencyRecords = 5,
}
