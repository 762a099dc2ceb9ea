namespace MedBlocks.Kiosk.Cards;

/// <summary>What the card side tells the screens. Carries only what a screen may show.</summary>
public abstract record ScreenEvent(DateTimeOffset CardEventTime);

/// <summary>A patient card was read: the masked greeting and the pseudonymous ledger address.</summary>
public sealed record PatientGreeted(string MaskedName, int BirthYear, string Address, string CardSerial, DateTimeOffset CardEventTime) : ScreenEvent(CardEventTime);

/// <summary>The card left the reader.</summary>
public sealed record CardLeft(DateTimeOffset CardEventTime) : ScreenEvent(CardEventTime);

/// <summary>A card could not be used; <see cref="Kind"/> picks the plain-language screen.</summary>
public sealed record CardProblem(CardProblemKind Kind, DateTimeOffset CardEventTime) : ScreenEvent(CardEventTime);

/// <summary>A reader came or went.</summary>
public sealed record ReaderStatusChanged(bool Available, DateTimeOffset CardEventTime) : ScreenEvent(CardEventTime);

/// <summary>
/// A paramedic station read a card's emergency summary; its author signature verified.
/// <see cref="PatientAddress"/> (from the identity file, for the online records) is null when it could not be read.
/// </summary>
/// <see cref="Revoked"/> is set when the ledger names this card revoked: the summary is still shown (it describes
/// the card's holder) with a warning that the card was reported lost, stolen or replaced.
public sealed record EmergencySummaryRead(
    MedBlocks.SmartCards.Profile.EmergencySummary Summary,
    string CardSerial,
    DateTimeOffset CardEventTime,
    string? PatientAddress = null,
    MedBlocks.Core.Ledger.CardRevocationReason? Revoked = null) : ScreenEvent(CardEventTime);
