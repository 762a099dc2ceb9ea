using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Tests.Participants;

public sealed class ParticipantIdentityTests
{
    [Fact]
    public void Equals_SameContentDifferentArrays_AreEqual()
    {
        var identity = TestKeys.Patient.PublicIdentity;

        var copy = new ParticipantIdentity(identity.Address, identity.Role, identity.EncryptionPublicKey.ToArray());

        Assert.Equal(identity, copy);
        Assert.Equal(identity.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(identity, TestKeys.Practitioner.PublicIdentity);
    }

    [Fact]
    public void Constructor_BadAddress_Throws()
    {
        var key = TestKeys.Patient.EncryptionPublicKey.ToArray();

        Assert.Throws<ArgumentException>(() => new ParticipantIdentity("not-an-address", ParticipantRole.Patient, key));
        Assert.Throws<ArgumentException>(() => new ParticipantIdentity("2NEpo7TZRRrLZSi2U", ParticipantRole.Patient, key));
    }

    [Fact]
    public void Constructor_KeyNotSpki_Throws()
    {
        var address = TestKeys.Patient.Address;
        var key = TestKeys.Patient.EncryptionPublicKey.ToArray();

        Assert.Throws<ArgumentException>(() => new ParticipantIdentity(address, ParticipantRole.Patient, key.AsSpan(0, key.Length - 1)));
        Assert.Throws<ArgumentException>(() => new ParticipantIdentity(address, ParticipantRole.Patient, [.. key, 0]));
        Assert.Throws<ArgumentException>(() => new ParticipantIdentity(address, ParticipantRole.Patient, [1, 2, 3]));
    }
}
