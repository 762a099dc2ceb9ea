using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedBlocks.Core.Ledger;

/// <summary><c>grant</c> body: the patient adds the record key wrapped for another participant.</summary>
/// <param name="MedBlock">Hash of the <c>medblock</c> entry.</param>
/// <param name="Grantee">Declared participant receiving access.</param>
/// <param name="Key">Base64 RSA-OAEP wrapped record key for <paramref name="Grantee"/>.</param>
public sealed record KeyGrant(string MedBlock, string Grantee, string Key) : ILedgerBody
{
    private static readonly string[] Fields = ["medblock", "grantee", "key"];

    public string Kind => LedgerEntryKinds.Grant;

    /// <exception cref="LedgerFormatException">The body is malformed.</exception>
    public static KeyGrant Parse(JsonElement body)
    {
        var reader = BodyReader.Open(body, LedgerEntryKinds.Grant, Fields);
        return new KeyGrant(
            reader.RequiredSha256Hex("medblock"),
            reader.RequiredAddress("grantee"),
            reader.RequiredBase64("key", MedBlockDeclaration.MaxWrappedKeyLength));
    }

    public JsonObject ToJson() => new()
    {
        ["medblock"] = MedBlock,
        ["grantee"] = Grantee,
        ["key"] = Key,
    };
}
