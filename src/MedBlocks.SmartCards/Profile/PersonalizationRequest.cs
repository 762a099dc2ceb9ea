using MedBlocks.Core.Participants;
using MedBlocks.Core.Secrets;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// What enrolment writes on a card. <see cref="CreateParticipant"/> is called with the RSA size the
/// card has room for (3072 where it fits, else 2048); a re-issue returns the restored participant.
/// The personaliser does not dispose the participant.
/// </summary>
public sealed record PersonalizationRequest
{
    public required string Name { get; init; }

    public required DateOnly BirthDate { get; init; }

    /// <summary>FHIR administrative gender: female, male, other, unknown.</summary>
    public required string Sex { get; init; }

    public required uint IssuerId { get; init; }

    public required Func<int, Participant> CreateParticipant { get; init; }

    /// <summary>The card PIN that seals the key material; never stored or logged.</summary>
    public required string Pin { get; init; }

    /// <summary>Card-side Argon2id cost: about 0.5 s per try on a kiosk in production.</summary>
    public required Argon2Parameters Kdf { get; init; }

    /// <summary>The author-signed emergency summary (<see cref="EmergencySummary.Sign"/>); checked before writing, deflated on the card.</summary>
    public required ReadOnlyMemory<byte> SignedEmergencySummary { get; init; }

    /// <summary>Patient (default) or the staff role the card signs in with; the participant's ledger role must be <see cref="CardHolderRoles.LedgerRole"/> of it.</summary>
    public CardHolderRole Role { get; init; } = CardHolderRole.Patient;

    /// <summary>
    /// Extra bytes of room in file 03 for later emergency summary updates (compressed size); 0 sizes the
    /// file to this summary. The card info's emergency length then announces the file's room, and the
    /// file's own length prefix the summary.
    /// </summary>
    public int EmergencySummaryReserve { get; init; }

    /// <summary>A fixed card serial (re-issue, tests); a random one when null.</summary>
    public ulong? CardSerial { get; init; }

    /// <summary>Format a card that is already issued by this network instead of refusing it.</summary>
    public bool FormatIssuedCard { get; init; }
}
