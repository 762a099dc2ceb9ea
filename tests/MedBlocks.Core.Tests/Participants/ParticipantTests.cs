using System.Security.Cryptography;
using MedBlocks.Core.Encoding;
using MedBlocks.Core.Legacy;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Tests.Participants;

public sealed class ParticipantTests
{
    [Theory]
    [InlineData(2048)]
    [InlineData(3072)]
    [InlineData(4096)]
    public void Create_SupportedRsaSize_HasThatSize(int bits)
    {
        using var participant = Participant.Create(ParticipantRole.Lab, bits);

        Assert.Equal(bits, participant.EncryptionKeySize);
        Assert.False(participant.IsLegacy);
        Assert.True(participant.AcceptsWrappedKeys);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(1536)]
    [InlineData(8192)]
    [InlineData(0)]
    public void Create_UnsupportedRsaSize_Throws(int bits)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Participant.Create(ParticipantRole.Patient, bits));
    }

    [Fact]
    public void Create_Default_Is3072Bits()
    {
        using var participant = Participant.Create(ParticipantRole.Patient);

        Assert.Equal(3072, participant.EncryptionKeySize);
    }

    [Fact]
    public void Address_IsBase58OfSigningPublicKey_AndSignaturesVerify()
    {
        var participant = TestKeys.Patient;
        var message = "identity declaration"u8.ToArray();

        var signature = participant.Sign(message);

        Assert.Equal(32, Base58.Decode(participant.Address).Length);
        Assert.Equal(64, signature.Length);
        Assert.True(Ed25519Address.Verify(participant.Address, message, signature));
        Assert.False(Ed25519Address.Verify(participant.Address, "identity declaratioN"u8, signature));
        Assert.False(Ed25519Address.Verify(TestKeys.Practitioner.Address, message, signature));
    }

    [Fact]
    public void Sign_SameMessage_IsDeterministic()
    {
        Assert.Equal(TestKeys.Patient.Sign("x"u8), TestKeys.Patient.Sign("x"u8));
    }

    [Fact]
    public void EncryptionPublicKey_IsSpkiOfTheRsaKey_FingerprintIsSha256Base64Url()
    {
        var participant = TestKeys.Patient;
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(participant.EncryptionPublicKey.Span, out var read);

        var expected = Convert.ToBase64String(SHA256.HashData(participant.EncryptionPublicKey.Span))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(participant.EncryptionPublicKey.Length, read);
        Assert.Equal(2048, rsa.KeySize);
        Assert.Equal(expected, participant.EncryptionKeyFingerprint);
        Assert.Equal(43, participant.EncryptionKeyFingerprint.Length);
    }

    [Fact]
    public void PublicIdentity_CarriesAddressRoleKeyAndLabel()
    {
        var practitioner = TestKeys.Practitioner;

        var identity = practitioner.PublicIdentity;

        Assert.Equal(practitioner.Address, identity.Address);
        Assert.Equal(ParticipantRole.Practitioner, identity.Role);
        Assert.Equal("Dr Example, General Practice", identity.Label);
        Assert.Equal(practitioner.EncryptionPublicKey.ToArray(), identity.EncryptionPublicKey.ToArray());
        Assert.Equal(practitioner.EncryptionKeyFingerprint, identity.EncryptionKeyFingerprint);
        Assert.False(identity.IsLegacy);
    }

    [Fact]
    public void Create_PatientWithLabel_Throws()
    {
        Assert.Throws<ArgumentException>(() => Participant.Create(ParticipantRole.Patient, 2048, "Jenny Tallia"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" Lab")]
    [InlineData("Lab\n")]
    public void Create_MalformedLabel_Throws(string label)
    {
        Assert.Throws<ArgumentException>(() => Participant.Create(ParticipantRole.Lab, 2048, label));
    }

    [Fact]
    public void Dispose_ZeroesSigningSeed()
    {
        var participant = Participant.Create(ParticipantRole.Site, 2048, "Kiosk 3");
        var seed = (byte[])typeof(Participant).GetField("_seed", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(participant)!;
        Assert.Contains(seed, b => b != 0);

        participant.Dispose();

        Assert.All(seed, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Dispose_ThenSign_ThrowsObjectDisposed()
    {
        var participant = Participant.Create(ParticipantRole.App, 2048, "Imaging app");
        participant.Dispose();

        Assert.Throws<ObjectDisposedException>(() => participant.Sign("x"u8));
        participant.Dispose();
    }

    [Fact]
    public void LegacyParticipant_Sign_ThrowsLegacyParticipantException()
    {
        using var user = LegacyUserFile.Import(LegacyFixtures.ReadText("user.json"));

        Assert.True(user.Participant.IsLegacy);
        Assert.False(user.Participant.AcceptsWrappedKeys);
        Assert.Throws<LegacyParticipantException>(() => user.Participant.Sign("medblock"u8));
    }

    [Fact]
    public void WithNewEncryptionKey_Legacy_KeepsAddressAndBecomesWritable()
    {
        using var user = LegacyUserFile.Import(LegacyFixtures.ReadText("user.json"));

        using var migrated = user.Participant.WithNewEncryptionKey(2048);

        Assert.Equal(user.Participant.Address, migrated.Address);
        Assert.False(migrated.IsLegacy);
        Assert.Equal(2048, migrated.EncryptionKeySize);
        Assert.NotEqual(user.Participant.EncryptionKeyFingerprint, migrated.EncryptionKeyFingerprint);
        Assert.True(Ed25519Address.Verify(migrated.Address, "rotate"u8, migrated.Sign("rotate"u8)));
    }
}
