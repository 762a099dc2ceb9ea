namespace MedBlocks.SmartCards.Profile;

/// <summary>Progress of a personalisation, in order, for the enrolment screen.</summary>
public enum PersonalizationStep
{
    CheckingCard,
    RestartingInterrupted,
    SecuringPicc,
    CreatingApplication,
    SettingApplicationKeys,
    GeneratingKeys,
    CreatingFiles,
    WritingContent,
    Verifying,
    WritingCardInfo,
    Issued,
}
