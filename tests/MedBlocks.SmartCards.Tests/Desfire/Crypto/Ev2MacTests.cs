using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire.Crypto;

public sealed class Ev2MacTests
{
    [Fact]
    public void Compute_An12343WriteDataExample_MatchesTruncatedMac()
    {
        var vector = DesfireVectors.Get("ev2_mac");

        var mac = Ev2Mac.Compute(vector.Bytes("macKey"), vector.Bytes("cmd")[0], 0, vector.Bytes("ti"), vector.Bytes("data"));

        Assert.Equal(vector.Bytes("truncatedMac"), mac);
    }

    [Fact]
    public void Truncate_FullMac_KeepsOddIndexedBytes()
    {
        Assert.Equal(Hex.Parse("01030507090B0D0F"), Ev2Mac.Truncate(Hex.Sequence(0, 15)));
    }
}
