using System.Text.Json.Nodes;
using MedBlocks.Core.Legacy;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Tests.Legacy;

public sealed class LegacyUserFileTests
{
    private static readonly string UserJson = LegacyFixtures.ReadText("user.json");

    [Fact]
    public void Import_OpensslFixture_LegacyParticipantWithFixtureAddress()
    {
        using var user = LegacyUserFile.Import(UserJson);

        Assert.Equal(LegacyFixtures.ReadText("user-address.txt").Trim(), user.Participant.Address);
        Assert.Equal("Jenny Tallia", user.Name);
        Assert.Equal("+61 400 000 123", user.Phone);
        Assert.True(user.Participant.IsLegacy);
        Assert.Equal(1024, user.Participant.EncryptionKeySize);
        Assert.Equal(ParticipantRole.Patient, user.Participant.Role);
        Assert.True(user.Participant.PublicIdentity.IsLegacy);
        Assert.Null(user.Participant.Label);
    }

    [Fact]
    public void Import_Role_IsKept()
    {
        using var user = LegacyUserFile.Import(UserJson, ParticipantRole.Practitioner);

        Assert.Equal(ParticipantRole.Practitioner, user.Participant.Role);
    }

    [Fact]
    public void Import_Ed25519KeysMismatched_Throws()
    {
        var node = JsonNode.Parse(UserJson)!;
        node["bigchain"]!["public_key"] = TestKeys.Patient.Address;

        var e = Assert.Throws<LegacyFormatException>(() => LegacyUserFile.Import(node.ToJsonString()));

        Assert.Contains("bigchain.private_key does not belong", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RsaKeysMismatched_Throws()
    {
        using var other = System.Security.Cryptography.RSA.Create(1024);
        var node = JsonNode.Parse(UserJson)!;
        node["rsa"]!["public_key"] = other.ExportSubjectPublicKeyInfoPem();

        var e = Assert.Throws<LegacyFormatException>(() => LegacyUserFile.Import(node.ToJsonString()));

        Assert.Contains("rsa.private_key does not belong", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bigchain", "private_key", "0OIl", "bigchain.private_key")]
    [InlineData("bigchain", "private_key", "2NEpo7TZRRrLZSi2U", "bigchain.private_key")]
    [InlineData("bigchain", "public_key", "abc", "bigchain.public_key")]
    [InlineData("rsa", "private_key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "PKCS#1")]
    [InlineData("rsa", "private_key", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----", "PEM")]
    [InlineData("rsa", "public_key", "nonsense", "rsa.public_key")]
    public void Import_MalformedKey_ThrowsNamingIt(string group, string field, string value, string named)
    {
        var node = JsonNode.Parse(UserJson)!;
        node[group]![field] = value;

        var e = Assert.Throws<LegacyFormatException>(() => LegacyUserFile.Import(node.ToJsonString()));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("phone")]
    [InlineData("bigchain")]
    [InlineData("rsa")]
    public void Import_MissingMember_ThrowsNamingIt(string member)
    {
        var node = JsonNode.Parse(UserJson)!.AsObject();
        node.Remove(member);

        var e = Assert.Throws<LegacyFormatException>(() => LegacyUserFile.Import(node.ToJsonString()));

        Assert.Contains($"'{member}'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("null")]
    public void Import_NotJsonObject_Throws(string json)
    {
        Assert.Throws<LegacyFormatException>(() => LegacyUserFile.Import(json));
    }

    [Fact]
    public void Import_Truncated_Throws()
    {
        Assert.Throws<LegacyFormatException>(() => LegacyUserFile.Import(UserJson[..(UserJson.Length / 2)]));
    }
}
