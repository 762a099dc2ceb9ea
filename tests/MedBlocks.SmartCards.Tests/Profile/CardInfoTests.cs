using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class CardInfoTests
{
    private static readonly CardInfo Sample = new(2, 0x0123456789ABCDEF, 42, new DateOnly(2026, 11, 25), 0x0104, 0x0760, 0x01A2);

    [Fact]
    public void ToBytes_Sample_HasDocumentedLayout()
    {
        var bytes = Sample.ToBytes();

        Assert.Equal(CardInfo.Size, bytes.Length);
        Assert.Equal(0x000B4A68, (new DateTime(2026, 11, 25) - DateTime.MinValue).Days);
        Assert.Equal("4D42020101234567" + "89ABCDEF0000002A" + "000B4A68" + "0104076001A20000", Convert.ToHexString(bytes, 0, 28));
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, 28)), 0, 4), Convert.ToHexString(bytes, 28, 4));
    }

    [Fact]
    public void Parse_OwnBytes_RoundTrips() => Assert.Equal(Sample, CardInfo.Parse(Sample.ToBytes()));

    [Fact]
    public void SerialText_Sample_IsSixteenUpperHexDigits() => Assert.Equal("0123456789ABCDEF", Sample.SerialText);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(30)]
    public void Parse_OneBitFlipped_ReportsNotIssued(int index)
    {
        var bytes = Sample.ToBytes();
        bytes[index] ^= 0x01;

        var error = Assert.Throws<PatientCardException>(() => CardInfo.Parse(bytes));

        Assert.Equal(PatientCardError.NotIssued, error.Error);
    }

    [Fact]
    public void Parse_FreshZeroFile_ReportsNotIssued() =>
        Assert.Equal(PatientCardError.NotIssued, Assert.Throws<PatientCardException>(() => CardInfo.Parse(new byte[32])).Error);

    [Fact]
    public void Parse_OtherProfileVersion_ReportsUnknownProfileVersion()
    {
        var bytes = (Sample with { ProfileVersion = 3 }).ToBytes();

        Assert.Equal(PatientCardError.UnknownProfileVersion, Assert.Throws<PatientCardException>(() => CardInfo.Parse(bytes)).Error);
    }
}
