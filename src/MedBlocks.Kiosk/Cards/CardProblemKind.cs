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

    /// <summary>The consent step could not share the records (nothing or only part was written).</summary>
    ConsentFailed,

    /// <summary>Another card was placed on the reader during the consent step.</summary>
    DifferentCard,
}
