using System.Security.Cryptography;
using MedBlocks.Core.Legacy;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Records;

namespace MedBlocks.Core.Tests.Records;

public sealed class RecordKeyWrapTests
{
    [Fact]
    public void WrapUnwrap_ForRecipient_ReturnsSameKey()
    {
        using var key = RecordKey.Generate();

        var wrapped = RecordKeyWrap.Wrap(key, TestKeys.Practitioner.PublicIdentity);
        using var unwrapped = RecordKeyWrap.Unwrap(wrapped, TestKeys.Practitioner);

        Assert.Equal(256, wrapped.Length);
        Assert.Equal(key.Span.ToArray(), unwrapped.Span.ToArray());
    }

    [Fact]
    public void Wrap_IsOaepSha256_ReadableByPlatformRsa()
    {
        using var key = RecordKey.Generate();
        using var rsa = RSA.Create(2048);
        var spki = rsa.ExportSubjectPublicKeyInfo();

        var wrapped = RecordKeyWrap.Wrap(key, spki);

        Assert.Equal(key.Span.ToArray(), rsa.Decrypt(wrapped, RSAEncryptionPadding.OaepSHA256));
        Assert.ThrowsAny<CryptographicException>(() => rsa.Decrypt(wrapped, RSAEncryptionPadding.OaepSHA1));
    }

    [Fact]
    public void Unwrap_WrappedForSomeoneElse_ThrowsUnwrapException()
    {
        using var key = RecordKey.Generate();
        var wrapped = RecordKeyWrap.Wrap(key, TestKeys.Practitioner.PublicIdentity);

        Assert.Throws<RecordKeyUnwrapException>(() => RecordKeyWrap.Unwrap(wrapped, TestKeys.Patient));
    }

    [Fact]
    public void Unwrap_Tampered_ThrowsUnwrapException()
    {
        using var key = RecordKey.Generate();
        var wrapped = RecordKeyWrap.Wrap(key, TestKeys.Patient.PublicIdentity);

        foreach (var index in new[] { 0, 100, 255 })
        {
            var altered = wrapped.ToArray();
            altered[index] ^= 0x10;
            Assert.Throws<RecordKeyUnwrapException>(() => RecordKeyWrap.Unwrap(altered, TestKeys.Patient));
        }

        Assert.Throws<RecordKeyUnwrapException>(() => RecordKeyWrap.Unwrap(wrapped.AsSpan(1), TestKeys.Patient));
        Assert.Throws<RecordKeyUnwrapException>(() => RecordKeyWrap.Unwrap([.. wrapped, 0], TestKeys.Patient));
        Assert.Throws<RecordKeyUnwrapException>(() => RecordKeyWrap.Unwrap([], TestKeys.Patient));
    }

    [Fact]
    public void Unwrap_Sha1WrappedKey_OnlyThroughLegacyMethod()
    {
        using var key = RecordKey.Generate();
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(TestKeys.Patient.EncryptionPublicKey.Span, out _);
        var sha1Wrapped = rsa.Encrypt(key.Span.ToArray(), RSAEncryptionPadding.OaepSHA1);

        Assert.Throws<RecordKeyUnwrapException>(() => RecordKeyWrap.Unwrap(sha1Wrapped, TestKeys.Patient));
        using var unwrapped = RecordKeyWrap.UnwrapLegacyOaepSha1(sha1Wrapped, TestKeys.Patient);
        Assert.Equal(key.Span.ToArray(), unwrapped.Span.ToArray());
        Assert.Throws<RecordKeyUnwrapException>(() => RecordKeyWrap.UnwrapLegacyOaepSha1(RecordKeyWrap.Wrap(key, TestKeys.Patient.PublicIdentity), TestKeys.Patient));
    }

    [Fact]
    public void Unwrap_WrappedValueNot32Bytes_ThrowsUnwrapException()
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(TestKeys.Patient.EncryptionPublicKey.Span, out _);
        var wrongLength = rsa.Encrypt(new byte[16], RSAEncryptionPadding.OaepSHA256);

        var e = Assert.Throws<RecordKeyUnwrapException>(() => RecordKeyWrap.Unwrap(wrongLength, TestKeys.Patient));

        Assert.Contains("16 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrap_LegacyRecipient_ThrowsLegacyParticipant()
    {
        using var user = LegacyUserFile.Import(LegacyFixtures.ReadText("user.json"));
        using var key = RecordKey.Generate();

        Assert.False(user.Participant.PublicIdentity.AcceptsWrappedKeys);
        Assert.Throws<LegacyParticipantException>(() => RecordKeyWrap.Wrap(key, user.Participant.PublicIdentity));
        Assert.Throws<LegacyParticipantException>(() => RecordKeyWrap.Wrap(key, user.Participant.EncryptionPublicKey.Span));
    }

    [Fact]
    public void Wrap_1024BitKeyEvenIfNotMarkedLegacy_ThrowsLegacyParticipant()
    {
        using var rsa = RSA.Create(1024);
        var identity = new ParticipantIdentity(TestKeys.Patient.Address, ParticipantRole.Patient, rsa.ExportSubjectPublicKeyInfo());
        using var key = RecordKey.Generate();

        Assert.False(identity.AcceptsWrappedKeys);
        Assert.Throws<LegacyParticipantException>(() => RecordKeyWrap.Wrap(key, identity));
    }

    [Fact]
    public void Wrap_NotSpki_ThrowsArgument()
    {
        using var key = RecordKey.Generate();

        Assert.Throws<ArgumentException>(() => RecordKeyWrap.Wrap(key, new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public void Unwrap_LegacyParticipant_CanRead()
    {
        using var user = LegacyUserFile.Import(LegacyFixtures.ReadText("user.json"));
        using var key = RecordKey.Generate();
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(user.Participant.EncryptionPublicKey.Span, out _);

        using var unwrapped = RecordKeyWrap.Unwrap(rsa.Encrypt(key.Span.ToArray(), RSAEncryptionPadding.OaepSHA256), user.Participant);

        Assert.Equal(key.Span.ToArray(), unwrapped.Span.ToArray());
    }
}
