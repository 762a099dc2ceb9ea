using MedBlocks.Core.Legacy;
using MedBlocks.Core.Records;

namespace MedBlocks.Core.Tests.Legacy;

public sealed class LegacyRecordTests
{
    [Theory]
    [InlineData("note")]
    [InlineData("scan")]
    [InlineData("blocks")]
    public void Decrypt_OpensslFixtureWithItsKey_ExactPlaintext(string name)
    {
        using var key = RecordKey.FromBytes(Convert.FromHexString(LegacyFixtures.ReadText($"{name}.key.hex").Trim()));

        var plaintext = LegacyRecord.Decrypt(LegacyFixtures.ReadBytes($"{name}.bin"), key);

        Assert.Equal(LegacyFixtures.ReadBytes($"{name}.plain"), plaintext);
    }

    [Theory]
    [InlineData("note")]
    [InlineData("scan")]
    [InlineData("blocks")]
    [InlineData("zeros")]
    public void UnwrapKey_OpensslOaepSha1Base64_GivesFixtureKey(string name)
    {
        using var user = LegacyUserFile.Import(LegacyFixtures.ReadText("user.json"));
        var wrapped = LegacyFixtures.ReadText($"{name}.key.wrapped");

        using var key = LegacyRecord.UnwrapKey(wrapped, user.Participant);

        Assert.Contains('\n', wrapped.TrimEnd());
        Assert.Equal(LegacyFixtures.ReadText($"{name}.key.hex").Trim(), Convert.ToHexStringLower(key.Span));
    }

    [Fact]
    public void ImportUnwrapDecrypt_WholeLegacyReadPath_ExactPlaintext()
    {
        using var user = LegacyUserFile.Import(LegacyFixtures.ReadText("user.json"));

        using var key = LegacyRecord.UnwrapKey(LegacyFixtures.ReadText("scan.key.wrapped"), user.Participant);
        var plaintext = LegacyRecord.Decrypt(LegacyFixtures.ReadBytes("scan.bin"), key);

        Assert.Equal(LegacyFixtures.ReadBytes("scan.plain"), plaintext);
    }

    [Fact]
    public void Decrypt_PlaintextEndingInZeros_LosesThemAsDocumented()
    {
        using var key = RecordKey.FromBytes(Convert.FromHexString(LegacyFixtures.ReadText("zeros.key.hex").Trim()));
        var original = LegacyFixtures.ReadBytes("zeros.plain");

        var plaintext = LegacyRecord.Decrypt(LegacyFixtures.ReadBytes("zeros.bin"), key);

        Assert.Equal([0, 0, 0], original[^3..]);
        Assert.Equal(original[..^3], plaintext);
    }

    [Fact]
    public void Decrypt_WrongKey_GarbageNotError_BecauseTheFormatHasNoMac()
    {
        using var key = RecordKey.FromBytes(new byte[32]);

        var plaintext = LegacyRecord.Decrypt(LegacyFixtures.ReadBytes("note.bin"), key);

        Assert.NotEqual(LegacyFixtures.ReadBytes("note.plain"), plaintext);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(47)]
    public void Decrypt_NotIvPlusWholeBlocks_ThrowsLegacyFormat(int length)
    {
        using var key = RecordKey.FromBytes(new byte[32]);

        Assert.Throws<LegacyFormatException>(() => LegacyRecord.Decrypt(new byte[length], key));
    }

    [Fact]
    public void Decrypt_IvOnly_Empty()
    {
        using var key = RecordKey.FromBytes(new byte[32]);

        Assert.Empty(LegacyRecord.Decrypt(new byte[16], key));
    }

    [Fact]
    public void UnwrapKey_NotBase64_ThrowsLegacyFormat()
    {
        using var user = LegacyUserFile.Import(LegacyFixtures.ReadText("user.json"));

        Assert.Throws<LegacyFormatException>(() => LegacyRecord.UnwrapKey("not base64!", user.Participant));
    }

    [Fact]
    public void UnwrapKey_ForAnotherParticipant_ThrowsUnwrap()
    {
        Assert.Throws<RecordKeyUnwrapException>(() => LegacyRecord.UnwrapKey(LegacyFixtures.ReadText("note.key.wrapped"), TestKeys.Patient));
    }
}
