using System.Text.Json;
using System.Text.Json.Nodes;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Ledger;

/// <summary>
/// <c>revoke-card</c> body: a card is no longer to be trusted. Appended by the card's holder or a site. The holder is a
/// patient, or staff whose card signs them in (site, practitioner, emergency); the body member keeps its first name,
/// <c>patient</c>, so ledgers written before staff cards read unchanged.
/// </summary>
/// <param name="Patient">The holder whose card is revoked: a patient, or a staff participant.</param>
/// <param name="Serial">The card serial from the card-info file (1 to 32 letters, digits or dashes).</param>
/// <param name="Reason">One of a closed list of reasons.</param>
public sealed record CardRevocation(string Patient, string Serial, CardRevocationReason Reason) : ILedgerBody
{
    public const int MaxSerialLength = 32;

    private static readonly string[] Fields = ["patient", "serial", "reason"];

    public string Kind => LedgerEntryKinds.RevokeCard;

    /// <summary>Whether participants of <paramref name="role"/> are issued cards, and so may have one revoked.</summary>
    public static bool HoldsCards(ParticipantRole role) =>
        role is ParticipantRole.Patient or ParticipantRole.Site or ParticipantRole.Practitioner or ParticipantRole.Emergency;

    /// <exception cref="LedgerFormatException">The body is malformed.</exception>
    public static CardRevocation Parse(JsonElement body)
    {
        var reader = BodyReader.Open(body, LedgerEntryKinds.RevokeCard, Fields);
        var patient = reader.RequiredAddress("patient");
        var serial = reader.RequiredString("serial", MaxSerialLength);
        if (serial.AsSpan().ContainsAnyExcept(LedgerCharsets.CardSerial))
        {
            throw new LedgerFormatException("A card serial holds only letters, digits and dashes.");
        }

        var reason = reader.RequiredString("reason", 16) switch
        {
            "lost" => CardRevocationReason.Lost,
            "stolen" => CardRevocationReason.Stolen,
            "damaged" => CardRevocationReason.Damaged,
            "replaced" => CardRevocationReason.Replaced,
            "expired" => CardRevocationReason.Expired,
            _ => throw new LedgerFormatException("A revoke-card reason is one of lost, stolen, damaged, replaced, expired."),
        };
        return new CardRevocation(patient, serial, reason);
    }

    public JsonObject ToJson() => new()
    {
        ["patient"] = Patient,
        ["serial"] = Serial,
        ["reason"] = Reason switch
        {
            CardRevocationReason.Lost => "lost",
            CardRevocationReason.Stolen => "stolen",
            CardRevocationReason.Damaged => "damaged",
            CardRevocationReason.Replaced => "replaced",
            CardRevocationReason.Expired => "expired",
            _ => throw new LedgerFormatException("Unknown card revocation reason."),
        },
    };
}
