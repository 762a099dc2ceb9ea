namespace MedBlocks.Kiosk.Enrolment;

/// <summary>
/// Steps shown while a card is written: the personaliser's (same names as
/// <see cref="MedBlocks.SmartCards.Profile.PersonalizationStep"/>) and the station's own around them.
/// </summary>
public enum EnrolmentStep
{
    RevokingOldCard,
    CheckingCard,
    RestartingInterrupted,
    SecuringPicc,
    GeneratingKeys,
    CreatingApplication,
    SettingApplicationKeys,
    CreatingFiles,
    WritingContent,
    Verifying,
    WritingCardInfo,
    SavingBackup,
    DeclaringIdentity,
    VerifyingCheckIn,
    Done,
}
