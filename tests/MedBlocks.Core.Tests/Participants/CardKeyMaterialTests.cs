using System.Text.Json.Nodes;
using MedBlocks.Core.Legacy;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Secrets;

namespace MedBlocks.Core.Tests.Participants;

public sealed class CardKeyMaterialTests
{
    [Fact]
    public void SealOpen_RightPin_RestoresPatient()
    {
        var patient = TestKeys.Patient;

        var json = CardKeyMaterial.Seal(patient, "482913", Argon2Parameters.FastForTests);
        using var restored = CardKeyMaterial.Open(json, "482913", patient.Address);

        Assert.Equal(patient.PublicIdentity, restored.PublicIdentity);
        Assert.Equal(["v", "kdf", "nonce", "ct"], JsonNode.Parse(json)!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Open_WrongPin_ThrowsWrongPassphrase()
    {
        var json = CardKeyMaterial.Seal(TestKeys.Patient, "482913", Argon2Parameters.FastForTests);

        Assert.Throws<WrongPassphraseException>(() => CardKeyMaterial.Open(json, "482914", TestKeys.Patient.Address));
    }

    [Fact]
    public void Open_OtherCardsAddress_ThrowsKeyFileFormat()
    {
        var json = CardKeyMaterial.Seal(TestKeys.Patient, "482913", Argon2Parameters.FastForTests);

        var e = Assert.Throws<KeyFileFormatException>(() => CardKeyMaterial.Open(json, "482913", TestKeys.Practitioner.Address));

        Assert.Contains("address", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ParticipantKeyFile_IsNotCardKeyMaterial()
    {
        var keyFile = ParticipantKeyFile.Seal(TestKeys.Patient, "482913", Argon2Parameters.FastForTests);

        Assert.Throws<WrongPassphraseException>(() => CardKeyMaterial.Open(keyFile, "482913", TestKeys.Patient.Address));
    }

    [Fact]
    public void Seal_LegacyParticipant_Throws()
    {
        using var user = LegacyUserFile.Import(LegacyFixtures.ReadText("user.json"));

        Assert.Throws<LegacyParticipantException>(() => CardKeyMaterial.Seal(user.Participant, "482913", Argon2Parameters.FastForTests));
    }
}
