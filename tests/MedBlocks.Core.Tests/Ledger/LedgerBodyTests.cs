using System.Text.Json.Nodes;
using System.Text.Json;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Tests.Ledger;

public sealed class LedgerBodyTests
{
    private static readonly string Alice = new TestSigner(1).Address;
    private static readonly string Bob = new TestSigner(2).Address;
    private static readonly string Hash = new('e', 64);

    private static JsonElement Json(JsonObject node) => CanonicalJson.ToElement(node);

    private static JsonObject With(ILedgerBody body, Action<JsonObject> change)
    {
        var json = body.ToJson();
        change(json);
        return json;
    }

    private static IdentityDeclaration Identity(ParticipantRole role = ParticipantRole.Patient, string? label = null) =>
        new(Alice, role, TestKeys.Rsa, label);

    private static MedBlockDeclaration MedBlock() => TestChain.MedBlockFor(new TestSigner(1), false, new TestSigner(2));

    [Fact]
    public void Identity_RoundTrip_KeepsEveryField()
    {
        var rotation = new IdentityDeclaration(Alice, ParticipantRole.Lab, TestKeys.Rsa, "City Lab", IdentityDeclaration.ComputeFingerprint(Convert.FromBase64String(TestKeys.OtherRsa)));
        Assert.Equal(rotation, IdentityDeclaration.Parse(LedgerBody.ToCanonicalElement(rotation)));
    }

    [Fact]
    public void Identity_Fingerprint_IsBase64UrlOfSpkiSha256()
    {
        var spki = Convert.FromBase64String(TestKeys.Rsa);
        var expected = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(spki)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, Identity().EncryptionKeyFingerprint);
        Assert.Equal(43, expected.Length);
    }

    public static TheoryData<string, JsonObject> BadIdentities() => new()
    {
        { "unknown field name", With(Identity(), j => j["name"] = "Jenny Tallia") },
        { "unknown field phone", With(Identity(), j => j["phone"] = "+15550100") },
        { "missing enc", With(Identity(), j => j.Remove("enc")) },
        { "missing role", With(Identity(), j => j.Remove("role")) },
        { "bad role", With(Identity(), j => j["role"] = "doctor") },
        { "bad address", With(Identity(), j => j["address"] = "0OIl") },
        { "enc not base64", With(Identity(), j => j["enc"] = "not base64!") },
        { "enc with newline", With(Identity(), j => j["enc"] = TestKeys.Rsa[..76] + "\n" + TestKeys.Rsa[76..]) },
        { "enc not rsa", With(Identity(), j => j["enc"] = Convert.ToBase64String(new byte[300])) },
        { "enc rsa 1024", With(Identity(), j => j["enc"] = TestKeys.Generate(1024)) },
        { "label on patient", With(Identity(), j => j["label"] = "Jenny") },
        { "label on practitioner", With(Identity(ParticipantRole.Practitioner), j => j["label"] = "Dr X") },
        { "label with newline", With(Identity(ParticipantRole.Lab), j => j["label"] = "City\nLab") },
        { "rotates not fingerprint", With(Identity(), j => j["rotates"] = "abc") },
        { "role as number", With(Identity(), j => j["role"] = 1) },
    };

    [Theory]
    [MemberData(nameof(BadIdentities))]
    public void Identity_Malformed_IsRejected(string what, JsonObject json)
    {
        Assert.False(string.IsNullOrEmpty(what));
        Assert.Throws<LedgerFormatException>(() => IdentityDeclaration.Parse(Json(json)));
    }

    [Fact]
    public void Identity_LabelOnOrganisation_IsAccepted()
    {
        var parsed = IdentityDeclaration.Parse(Json(Identity(ParticipantRole.Site, "Reception Kiosk 1").ToJson()));
        Assert.Equal("Reception Kiosk 1", parsed.Label);
    }

    [Fact]
    public void MedBlock_RoundTrip_KeepsEveryField()
    {
        var medBlock = MedBlock();
        var parsed = MedBlockDeclaration.Parse(LedgerBody.ToCanonicalElement(medBlock));
        Assert.Equal(medBlock.Cid, parsed.Cid);
        Assert.Equal(medBlock.Patient, parsed.Patient);
        Assert.Equal(medBlock.ContentType, parsed.ContentType);
        Assert.Equal(medBlock.CiphertextHash, parsed.CiphertextHash);
        Assert.Equal(medBlock.RecordSig, parsed.RecordSig);
        Assert.Equal(medBlock.Keys, parsed.Keys);
        Assert.False(parsed.Legacy);
        Assert.False(parsed.ToJson().ContainsKey("legacy"));
    }

    [Fact]
    public void MedBlock_LegacyWithoutRecordSig_IsAccepted()
    {
        var legacy = MedBlock() with { RecordSig = null, Legacy = true, ContentType = "pdf" };
        var parsed = MedBlockDeclaration.Parse(LedgerBody.ToCanonicalElement(legacy));
        Assert.True(parsed.Legacy);
        Assert.Null(parsed.RecordSig);
    }

    public static TheoryData<string, JsonObject> BadMedBlocks() => new()
    {
        { "unknown field", With(MedBlock(), j => j["approved"] = false) },
        { "missing cid", With(MedBlock(), j => j.Remove("cid")) },
        { "cid with slash", With(MedBlock(), j => j["cid"] = "/ipfs/Qm") },
        { "missing patient", With(MedBlock(), j => j.Remove("patient")) },
        { "bad patient", With(MedBlock(), j => j["patient"] = "abc") },
        { "content type with space", With(MedBlock(), j => j["contentType"] = "text plain") },
        { "emergency as string", With(MedBlock(), j => j["emergency"] = "yes") },
        { "keys without patient", With(MedBlock(), j => j["keys"] = new JsonObject { [Bob] = TestKeys.Wrapped(1) }) },
        { "keys empty", With(MedBlock(), j => j["keys"] = new JsonObject()) },
        { "keys bad address", With(MedBlock(), j => j["keys"]!["nope"] = TestKeys.Wrapped(1)) },
        { "keys bad base64", With(MedBlock(), j => j["keys"]![Alice] = "!!!!") },
        { "keys as array", With(MedBlock(), j => j["keys"] = new JsonArray()) },
        { "ctHash uppercase", With(MedBlock(), j => j["ctHash"] = new string('A', 64)) },
        { "ctHash short", With(MedBlock(), j => j["ctHash"] = "abcd") },
        { "missing recordSig", With(MedBlock(), j => j.Remove("recordSig")) },
        { "recordSig not 64 bytes", With(MedBlock(), j => j["recordSig"] = Convert.ToBase64String(new byte[32])) },
        { "legacy false", With(MedBlock(), j => j["legacy"] = false) },
    };

    [Theory]
    [MemberData(nameof(BadMedBlocks))]
    public void MedBlock_Malformed_IsRejected(string what, JsonObject json)
    {
        Assert.False(string.IsNullOrEmpty(what));
        Assert.Throws<LedgerFormatException>(() => MedBlockDeclaration.Parse(Json(json)));
    }

    [Fact]
    public void Grant_RoundTrip_AndStrictness()
    {
        var grant = new KeyGrant(Hash, Bob, TestKeys.Wrapped(3));
        Assert.Equal(grant, KeyGrant.Parse(LedgerBody.ToCanonicalElement(grant)));
        Assert.Throws<LedgerFormatException>(() => KeyGrant.Parse(Json(With(grant, j => j["approved"] = true))));
        Assert.Throws<LedgerFormatException>(() => KeyGrant.Parse(Json(With(grant, j => j.Remove("key")))));
        Assert.Throws<LedgerFormatException>(() => KeyGrant.Parse(Json(With(grant, j => j["grantee"] = "x"))));
        Assert.Throws<LedgerFormatException>(() => KeyGrant.Parse(Json(With(grant, j => j["medblock"] = "cid"))));
    }

    [Fact]
    public void Refusal_RoundTrip_AndStrictness()
    {
        var refusal = new Refusal(Hash);
        Assert.Equal(refusal, Refusal.Parse(LedgerBody.ToCanonicalElement(refusal)));
        Assert.Throws<LedgerFormatException>(() => Refusal.Parse(Json(With(refusal, j => j["approved"] = false))));
        Assert.Throws<LedgerFormatException>(() => Refusal.Parse(Json(new JsonObject())));
    }

    [Fact]
    public void CardRevocation_RoundTrip_AndStrictness()
    {
        var revocation = new CardRevocation(Alice, "04A1B2C3D4E5F6", CardRevocationReason.Stolen);
        Assert.Equal("stolen", revocation.ToJson()["reason"]!.GetValue<string>());
        Assert.Equal(revocation, CardRevocation.Parse(LedgerBody.ToCanonicalElement(revocation)));
        Assert.Throws<LedgerFormatException>(() => CardRevocation.Parse(Json(With(revocation, j => j["reason"] = "patient moved to Oslo"))));
        Assert.Throws<LedgerFormatException>(() => CardRevocation.Parse(Json(With(revocation, j => j["serial"] = "04 A1"))));
        Assert.Throws<LedgerFormatException>(() => CardRevocation.Parse(Json(With(revocation, j => j["serial"] = new string('1', 33)))));
    }

    [Fact]
    public void EmergencyAccess_RoundTrip_AndStrictness()
    {
        var access = new EmergencyAccess(Hash, Alice, "unconscious on arrival");
        Assert.Equal(access, EmergencyAccess.Parse(LedgerBody.ToCanonicalElement(access)));
        Assert.Throws<LedgerFormatException>(() => EmergencyAccess.Parse(Json(With(access, j => j.Remove("reason")))));
        Assert.Throws<LedgerFormatException>(() => EmergencyAccess.Parse(Json(With(access, j => j["reason"] = new string('x', 201)))));
        Assert.Throws<LedgerFormatException>(() => EmergencyAccess.Parse(Json(With(access, j => j["reason"] = "a\u0000b"))));
    }

    [Fact]
    public void Parse_UnknownKind_IsRejected()
    {
        Assert.Throws<LedgerFormatException>(() => LedgerBody.Parse("approve", Json(new JsonObject())));
    }

    [Fact]
    public void ToCanonicalElement_InvalidTypedBody_IsRejectedBeforeSigning()
    {
        Assert.Throws<LedgerFormatException>(() => LedgerBody.ToCanonicalElement(new KeyGrant("not a hash", Bob, TestKeys.Wrapped(1))));
    }
}
