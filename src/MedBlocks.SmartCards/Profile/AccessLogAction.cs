namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// What a station did with the card: access log byte 13, except <see cref="Refuse"/>, which is written as
/// <see cref="Grant"/> with detail byte 14 set (see <see cref="AccessLogRecord"/>).
/// </summary>
#pragma warning disable CA1028 // The wire value is one byte.
public enum AccessLogAction : byte
#pragma warning restore CA1028
{
    ReadIdentity = 1,
    ReadEmergency = 2,
    /// <summary>A sharing decision made with the patient's PIN: a grant (and, on cards logged before refusals were told apart, a refusal too).</summary>
    Grant = 3,
    Write = 4,

    /// <summary>A paramedic station read the patient's emergency-tagged records online (logged with K3 after the tap).</summary>
    ReadEmergencyRecords = 5,

    /// <summary>A refusal made with the patient's PIN; never written to byte 13 (written as a grant with detail 1).</summary>
    Refuse = 6,
}
