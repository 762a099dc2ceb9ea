using System.Text.Json;
using System.Text.Json.Nodes;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Ledger;

/// <summary>
/// <c>medblock</c> body: a record's content address, its patient, and its AES key wrapped for each
/// reader. Bulk data never goes on the ledger, only these references.
/// </summary>
/// <param name="Cid">IPFS content identifier of the ciphertext.</param>
/// <param name="Patient">Declared patient the record is about.</param>
/// <param name="ContentType">Media type (or, for legacy imports, the seed's file extension).</param>
/// <param name="Emergency">Tagged for emergency reading (a key is wrapped for emergency services).</param>
/// <param name="Keys">Address → base64 RSA-OAEP wrapped record key; always holds the patient.</param>
/// <param name="CiphertextHash">Hex SHA-256 of the ciphertext (<c>ctHash</c>).</param>
/// <param name="RecordSig">Base64 Ed25519 signature by the author over the record, verified by the record layer; absent only for legacy imports.</param>
/// <param name="Legacy">Imported from the v0.01 format (read-only, weaker crypto).</param>
public sealed record MedBlockDeclaration(
    string Cid,
    string Patient,
    string ContentType,
    bool Emergency,
    IReadOnlyDictionary<string, string> Keys,
    string CiphertextHash,
    string? RecordSig,
    bool Legacy = false) : ILedgerBody
{
    public const int MaxCidLength = 128;
    public const int MaxContentTypeLength = 127;
    public const int MaxKeys = 64;
    public const int MaxWrappedKeyLength = 1400;

    private static readonly string[] Fields = ["cid", "patient", "contentType", "emergency", "keys", "ctHash", "recordSig", "legacy"];

    public string Kind => LedgerEntryKinds.MedBlock;

    /// <exception cref="LedgerFormatException">The body is malformed.</exception>
    public static MedBlockDeclaration Parse(JsonElement body)
    {
        var reader = BodyReader.Open(body, LedgerEntryKinds.MedBlock, Fields);
        var cid = reader.RequiredString("cid", MaxCidLength);
        if (cid.AsSpan().ContainsAnyExcept(LedgerCharsets.LettersAndDigits))
        {
            throw new LedgerFormatException("A medblock's cid holds only base32/base58 letters and digits.");
        }

        var patient = reader.RequiredAddress("patient");
        var contentType = reader.RequiredString("contentType", MaxContentTypeLength);
        if (contentType.Any(c => c is <= ' ' or > '~' or '"' or '\\'))
        {
            throw new LedgerFormatException("A medblock's contentType is printable ASCII without spaces or quotes.");
        }

        var emergency = reader.RequiredBool("emergency");
        var keys = reader.RequiredAddressMap("keys", MaxKeys, MaxWrappedKeyLength);
        if (!keys.ContainsKey(patient))
        {
            throw new LedgerFormatException("A medblock's keys must include the patient.");
        }

        var ctHash = reader.RequiredSha256Hex("ctHash");
        var legacy = reader.OptionalTrueFlag("legacy");
        var recordSig = reader.OptionalBase64("recordSig", 88);
        if (recordSig is null && !legacy)
        {
            throw new LedgerFormatException("A medblock body is missing 'recordSig' (only legacy imports may omit it).");
        }

        if (recordSig is not null && !(LedgerEncoding.IsCanonicalBase64(recordSig, out var sigLength) && sigLength == Ed25519Address.SignatureLength))
        {
            throw new LedgerFormatException("A medblock's recordSig is a 64-byte Ed25519 signature.");
        }

        return new MedBlockDeclaration(cid, patient, contentType, emergency, keys, ctHash, recordSig, legacy);
    }

    public JsonObject ToJson()
    {
        var keys = new JsonObject();
        foreach (var (address, wrapped) in Keys ?? new Dictionary<string, string>())
        {
            keys[address] = wrapped;
        }

        var json = new JsonObject
        {
            ["cid"] = Cid,
            ["patient"] = Patient,
            ["contentType"] = ContentType,
            ["emergency"] = Emergency,
            ["keys"] = keys,
            ["ctHash"] = CiphertextHash,
        };
        if (RecordSig is not null)
        {
            json["recordSig"] = RecordSig;
        }

        if (Legacy)
        {
            json["legacy"] = true;
        }

        return json;
    }
}
