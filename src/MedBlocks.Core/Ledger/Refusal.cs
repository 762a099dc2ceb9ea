using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedBlocks.Core.Ledger;

/// <summary><c>refuse</c> body: the patient marks a MedBlock not approved. History stays; nothing is deleted.</summary>
/// <param name="MedBlock">Hash of the <c>medblock</c> entry.</param>
public sealed record Refusal(string MedBlock) : ILedgerBody
{
    private static readonly string[] Fields = ["medblock"];

    public string Kind => LedgerEntryKinds.Refuse;

    /// <exception cref="LedgerFormatException">The body is malformed.</exception>
    public static Refusal Parse(JsonElement body)
    {
        var reader = BodyReader.Open(body, LedgerEntryKinds.Refuse, Fields);
        return new Refusal(reader.RequiredSha256Hex("medblock"));
    }

    public JsonObject ToJson() => new() { ["medblock"] = MedBlock };
}
