namespace MedBlocks.Kiosk.Emergency;

/// <summary>
/// One emergency-tagged record as listed at the paramedic station. <see cref="Title"/> is the first
/// line of a shown text (null otherwise); <see cref="Text"/> is set only for <see cref="EmergencyRecordState.Shown"/>.
/// </summary>
public sealed record EmergencyRecord(
    string MedBlock,
    string Author,
    DateTimeOffset Date,
    string ContentType,
    EmergencyRecordState State,
    string? Title = null,
    string? Text = null);
