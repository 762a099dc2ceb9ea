namespace MedBlocks.Kiosk.Enrolment;

/// <summary>Why an enrolment or re-issue stopped; each has a plain-language text (enrol.problem.*).</summary>
public enum EnrolmentProblem
{
    CardPulled,
    AlreadyIssued,
    NotBlank,
    UnsuitableCard,
    LedgerUnreachable,
    WrongRecoveryCode,
    BackupMismatch,
    StaffSignedOut,
    Failed,
}
