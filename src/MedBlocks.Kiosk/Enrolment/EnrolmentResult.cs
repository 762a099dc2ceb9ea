namespace MedBlocks.Kiosk.Enrolment;

/// <summary>
/// An issued and verified card: what the staff screen shows (masked name, serial) and, for a new
/// enrolment, the recovery code to hand to the patient once (null for a re-issue).
/// </summary>
public sealed record EnrolmentResult(string MaskedName, int BirthYear, string Serial, string Address, string? RecoveryCode, bool Restarted, bool RevokedOldCard, TimeSpan Duration);
