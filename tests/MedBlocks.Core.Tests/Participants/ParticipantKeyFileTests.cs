using System.Text.Json.Nodes;
using MedBlocks.Core.Legacy;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Records;
using MedBlocks.Core.Secrets;

namespace MedBlocks.Core.Tests.Participants;

public sealed class ParticipantKeyFileTests
{
    private const string Passphrase = "tr0ub4dor&3 staple";

    [Fact]
    public void SealOpen_Organisation_RestoresSameKeys()
    {
        var original = TestKeys.Practitioner;

        var json = ParticipantKeyFile.Seal(original, Passphrase, Argon2Parameters.FastForTests);
        using var restored = ParticipantKeyFile.Open(json, Passphrase);

        Assert.Equal(original.PublicIdentity, restored.PublicIdentity);
        Assert.Equal(original.Sign("entry"u8), restored.Sign("entry"u8));
        using var key = RecordKey.Generate();
        using var unwrapped = RecordKeyWrap.Unwrap(RecordKeyWrap.Wrap(key, original.PublicIdentity), restored);
        Assert.Equal(key.Span.ToArray(), unwrapped.Span.ToArray());
    }

    [Fact]
    public void Seal_Patient_HasExactShapeAndNoSecretsInClear()
    {
        var patient = TestKeys.Patient;

        var json = ParticipantKeyFile.Seal(patient, Passphrase, Argon2Parameters.FastForTests);
        var node = JsonNode.Parse(json)!.AsObject();

        Assert.Equal(["v", "kind", "role", "address", "kdf", "nonce", "ct"], node.Select(p => p.Key));
        Assert.Equal(2, (int)node["v"]!);
        Assert.Equal("medblocks.participant", (string)node["kind"]!);
        Assert.Equal("patient", (string)node["role"]!);
        Assert.Equal(patient.Address, (string)node["address"]!);
        Assert.DoesNotContain("PRIVATE", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WrongPassphrase_ThrowsWrongPassphrase()
    {
        var json = ParticipantKeyFile.Seal(TestKeys.Patient, Passphrase, Argon2Parameters.FastForTests);

        Assert.Throws<WrongPassphraseException>(() => ParticipantKeyFile.Open(json, Passphrase + "!"));
    }

    [Theory]
    [InlineData("role", "lab")]
    [InlineData("label", "Another Lab")]
    [InlineData("legacy", true)]
    public void Open_BoundFieldSwapped_ThrowsWrongPassphrase(string field, object value)
    {
        var node = JsonNode.Parse(ParticipantKeyFile.Seal(TestKeys.Practitioner, Passphrase, Argon2Parameters.FastForTests))!;
        node[field] = value is bool b ? JsonValue.Create(b) : JsonValue.Create((string)value);

        Assert.Throws<WrongPassphraseException>(() => ParticipantKeyFile.Open(node.ToJsonString(), Passphrase));
    }

    [Fact]
    public void Open_AddressSwapped_ThrowsWrongPassphrase()
    {
        var node = JsonNode.Parse(ParticipantKeyFile.Seal(TestKeys.Patient, Passphrase, Argon2Parameters.FastForTests))!;
        node["address"] = TestKeys.Practitioner.Address;

        Assert.Throws<WrongPassphraseException>(() => ParticipantKeyFile.Open(node.ToJsonString(), Passphrase));
    }

    [Fact]
    public void Open_KdfCostRaised_ThrowsWrongPassphrase()
    {
        var node = JsonNode.Parse(ParticipantKeyFile.Seal(TestKeys.Patient, Passphrase, Argon2Parameters.FastForTests))!;
        node["kdf"]!["m"] = 2048;

        Assert.Throws<WrongPassphraseException>(() => ParticipantKeyFile.Open(node.ToJsonString(), Passphrase));
    }

    [Theory]
    [InlineData("kind", "medblocks.user", "medblocks.user")]
    [InlineData("role", "doctor", "doctor")]
    [InlineData("address", "not-base58-0OIl", "address")]
    [InlineData("v", 1, "version 1")]
    public void Open_HeaderFieldInvalid_ThrowsKeyFileFormat(string field, object value, string named)
    {
        var node = JsonNode.Parse(ParticipantKeyFile.Seal(TestKeys.Patient, Passphrase, Argon2Parameters.FastForTests))!;
        node[field] = value is int i ? JsonValue.Create(i) : JsonValue.Create((string)value);

        var e = Assert.Throws<KeyFileFormatException>(() => ParticipantKeyFile.Open(node.ToJsonString(), Passphrase));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AbsurdMemoryCost_RefusedBeforeDeriving()
    {
        var node = JsonNode.Parse(ParticipantKeyFile.Seal(TestKeys.Patient, Passphrase, Argon2Parameters.FastForTests))!;
        node["kdf"]!["m"] = 64 * 1024 * 1024;

        var e = Assert.Throws<KeyFileFormatException>(() => ParticipantKeyFile.Open(node.ToJsonString(), Passphrase));

        Assert.Contains("memory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Truncated_ThrowsKeyFileFormat()
    {
        var json = ParticipantKeyFile.Seal(TestKeys.Patient, Passphrase, Argon2Parameters.FastForTests);

        foreach (var length in new[] { 0, 1, 10, json.Length / 2, json.Length - 2, json.Length - 1 })
        {
            Assert.Throws<KeyFileFormatException>(() => ParticipantKeyFile.Open(json[..length], Passphrase));
        }
    }

    [Fact]
    public void Open_CiphertextShortened_FailsAuthentication()
    {
        var node = JsonNode.Parse(ParticipantKeyFile.Seal(TestKeys.Patient, Passphrase, Argon2Parameters.FastForTests))!;
        var ct = Convert.FromBase64String((string)node["ct"]!);
        node["ct"] = Convert.ToBase64String(ct.AsSpan(0, ct.Length - 1));

        Assert.Throws<WrongPassphraseException>(() => ParticipantKeyFile.Open(node.ToJsonString(), Passphrase));
    }

    [Fact]
    public void SealOpen_LegacyParticipant_StaysLegacy()
    {
        using var user = LegacyUserFile.Import(LegacyFixtures.ReadText("user.json"));

        var json = ParticipantKeyFile.Seal(user.Participant, Passphrase, Argon2Parameters.FastForTests);
        using var restored = ParticipantKeyFile.Open(json, Passphrase);

        Assert.True(JsonNode.Parse(json)!["legacy"]!.GetValue<bool>());
        Assert.DoesNotContain("Jenny", json, StringComparison.Ordinal);
        Assert.True(restored.IsLegacy);
        Assert.Equal(1024, restored.EncryptionKeySize);
        Assert.Equal(user.Participant.Address, restored.Address);
        Assert.Throws<LegacyParticipantException>(() => restored.Sign("x"u8));
    }

    [Fact]
    public void Open_LegacyFlagRemoved_ThrowsWrongPassphrase()
    {
        using var user = LegacyUserFile.Import(LegacyFixtures.ReadText("user.json"));
        var node = JsonNode.Parse(ParticipantKeyFile.Seal(user.Participant, Passphrase, Argon2Parameters.FastForTests))!.AsObject();
        node.Remove("legacy");

        Assert.Throws<WrongPassphraseException>(() => ParticipantKeyFile.Open(node.ToJsonString(), Passphrase));
    }
}
