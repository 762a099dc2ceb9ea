namespace MedBlocks.Kiosk.Cards;

/// <summary>The errors a person at the station is told about, each with its own screen.</summary>
public enum CardProblemKind
{
    ForeignCard,
    Revoked,
    CardPulled,
    Unreadable,
    ReaderUnavailable,
    LedgerUnreachable,
    BadSignature,
}
