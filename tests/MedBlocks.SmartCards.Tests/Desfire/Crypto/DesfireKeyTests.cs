using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire.Crypto;

public sealed class DesfireKeyTests
{
    [Fact]
    public void Dispose_Key_ZeroesAndBlocksAccess()
    {
        var key = DesfireKey.Aes(Hex.Sequence(1, 16));

        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => key.Bytes.Length);
    }

    [Theory]
    [InlineData(DesfireKeyType.Des, 16)]
    [InlineData(DesfireKeyType.TwoKey3Des, 8)]
    [InlineData(DesfireKeyType.ThreeKey3Des, 16)]
    [InlineData(DesfireKeyType.Aes, 24)]
    public void Constructor_WrongLength_Throws(DesfireKeyType type, int length)
    {
        Assert.Throws<ArgumentException>(() => new DesfireKey(type, new byte[length]));
    }

    [Fact]
    public void ToChangeKeyBytes_DesWithVersion_DoublesKeyWithVersionInParityBits()
    {
        using var key = new DesfireKey(DesfireKeyType.Des, Hex.Parse("FFFFFFFFFFFFFFFF"), version: 0xA5);

        // A5 = 1010 0101: parity bits of bytes 0..7, most significant first.
        Assert.Equal(Hex.Parse("FFFEFFFEFEFFFEFFFFFEFFFEFEFFFEFF"), key.ToChangeKeyBytes());
    }

    [Fact]
    public void ToChangeKeyBytes_Aes_LeavesBytes()
    {
        using var key = DesfireKey.Aes(Hex.Sequence(1, 16), version: 7);

        Assert.Equal(Hex.Sequence(1, 16), key.ToChangeKeyBytes());
    }
}
