using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedBlocks.Core.Ledger;

/// <summary>
/// <c>emergency-access</c> body: the audit record of one emergency read, signed by the reader.
/// The author must be declared with role emergency or practitioner (paramedic crews and ER
/// clinicians); the MedBlock must exist, belong to <paramref name="Patient"/> and be emergency-tagged.
/// </summary>
/// <param name="MedBlock">Hash of the emergency-tagged <c>medblock</c> entry read.</param>
/// <param name="Patient">The MedBlock's patient.</param>
/// <param name="Reason">Operational reason shown in audits; public, so it must not hold clinical detail.</param>
public sealed record EmergencyAccess(string MedBlock, string Patient, string Reason) : ILedgerBody
{
    public const int MaxReasonLength = 200;

    private static readonly string[] Fields = ["medblock", "patient", "reason"];

    public string Kind => LedgerEntryKinds.EmergencyAccess;

    /// <exception cref="LedgerFormatException">The body is malformed.</exception>
    public static EmergencyAccess Parse(JsonElement body)
    {
        var reader = BodyReader.Open(body, LedgerEntryKinds.EmergencyAccess, Fields);
        var medBlock = reader.RequiredSha256Hex("medblock");
        var patient = reader.RequiredAddress("patient");
        var reason = reader.RequiredString("reason", MaxReasonLength);
        if (reason.Any(char.IsControl))
        {
            throw new LedgerFormatException("An emergency-access reason has no control characters.");
        }

        return new EmergencyAccess(medBlock, patient, reason);
    }

    public JsonObject ToJson() => new()
    {
        ["medblock"] = MedBlock,
        ["patient"] = Patient,
        ["reason"] = Reason,
    };
}
