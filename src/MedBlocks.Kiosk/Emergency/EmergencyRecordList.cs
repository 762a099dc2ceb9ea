using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Kiosk.Emergency;

/// <summary>
/// The patient's emergency-tagged records read online for one tap. <see cref="Available"/> is false
/// when the ledger could not be asked (the card's summary stays the only source). <see cref="Withheld"/>
/// counts records the patient refused: they are not read. <see cref="LedgerAudits"/> counts the
/// <c>emergency-access</c> entries appended; <see cref="CardLogged"/> says whether the card's own access
/// log recorded the read (false when the card had left the reader).
/// </summary>
public sealed record EmergencyRecordList(
    bool Available,
    IReadOnlyList<EmergencyRecord> Records,
    int Withheld,
    int LedgerAudits,
    string ReaderMaskedName,
    CardHolderRole ReaderRole,
    DateTimeOffset ReadAt,
    bool CardLogged = false);
