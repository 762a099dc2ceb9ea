namespace MedBlocks.Kiosk.Enrolment;

/// <summary>
/// One patient's backup as the re-issue list shows it: masked name, birth year, the enrolment date and
/// the serial of the patient's current card (the one a re-issue revokes). The keys and the card content
/// are in sealed files next to the index, under the patient's recovery code.
/// </summary>
public sealed record PatientBackup(string Address, string MaskedName, int BirthYear, DateOnly Enrolled, string CurrentSerial);
