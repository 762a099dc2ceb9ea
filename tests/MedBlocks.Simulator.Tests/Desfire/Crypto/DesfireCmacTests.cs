using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Desfire.Crypto;
using MedBlocks.Simulator.Tests.Support;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;

namespace MedBlocks.Simulator.Tests.Desfire.Crypto;

public sealed class DesfireCmacTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Compute_ZeroIv_MatchesSp800_38bVectors(int caseIndex)
    {
        var key = Hex.Bytes(TestVectors.Get("aes_cmac_sp800_38b", "key"));
        var message = Hex.Bytes(TestVectors.Get("aes_cmac_sp800_38b", "message64"));
        var vectorCase = TestVectors.Root.GetProperty("aes_cmac_sp800_38b").GetProperty("cases")[caseIndex];
        var length = vectorCase.GetProperty("len").GetInt32();
        var cmac = new DesfireCmac(DesfireBlockCipher.Create(DesfireKeyType.Aes, key));
        var iv = new byte[16];

        cmac.Compute(message.AsSpan(0, length), iv);

        Assert.Equal(vectorCase.GetProperty("mac").GetString(), Hex.Of(iv));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(21)]
    public void Compute_TripleDesZeroIv_MatchesBouncyCastleCmac(int length)
    {
        var key = Hex.Bytes("0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123");
        var message = Hex.Sequence(0, length + 1)[..length];
        var reference = new CMac(new DesEdeEngine());
        reference.Init(new KeyParameter(key));
        reference.BlockUpdate(message, 0, message.Length);
        var expected = new byte[8];
        reference.DoFinal(expected, 0);
        var iv = new byte[8];

        new DesfireCmac(DesfireBlockCipher.Create(DesfireKeyType.ThreeKeyTripleDes, key)).Compute(message, iv);

        Assert.Equal(expected, iv);
    }

    [Fact]
    public void Compute_NonZeroIv_ChainsFromIv()
    {
        var key = Hex.Bytes("2B7E151628AED2A6ABF7158809CF4F3C");
        var iv = Hex.Bytes("000102030405060708090A0B0C0D0E0F");
        var expected = new HostCrypto(key, aes: true).Cmac([0x6F], (byte[])iv.Clone());

        new DesfireCmac(DesfireBlockCipher.Create(DesfireKeyType.Aes, key)).Compute([0x6F], iv);

        Assert.Equal(expected, iv);
    }
}
