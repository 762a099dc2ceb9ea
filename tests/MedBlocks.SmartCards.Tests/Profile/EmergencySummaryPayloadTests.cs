using System.IO.Compression;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class EmergencySummaryPayloadTests
{
    [Fact]
    public void Decompress_Compressed_RoundTripsAndShrinksJson()
    {
        var summary = PatientCardTestKit.EmergencySummary();

        var compressed = EmergencySummaryPayload.Compress(summary);

        Assert.True(compressed.Length < summary.Length);
        Assert.Equal(summary, EmergencySummaryPayload.Decompress(compressed));
    }

    [Fact]
    public void Decompress_NotDeflate_ReportsCorruptContent() =>
        Assert.Equal(PatientCardError.CorruptContent, Assert.Throws<PatientCardException>(() => EmergencySummaryPayload.Decompress([0xFF, 0xFF, 0xFF, 0xFF])).Error);

    [Fact]
    public void Decompress_Bomb_ReportsCorruptContentAtLimit()
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(new byte[EmergencySummaryPayload.MaxSummaryLength + 1]);
        }

        Assert.Equal(PatientCardError.CorruptContent, Assert.Throws<PatientCardException>(() => EmergencySummaryPayload.Decompress(buffer.ToArray())).Error);
    }
}
