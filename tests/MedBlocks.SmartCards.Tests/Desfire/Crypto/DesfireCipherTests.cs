using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire.Crypto;

public sealed class DesfireCipherTests
{
    [Fact]
    public void EncryptCbc_Sp800_38aAesVector_MatchesAndChainsIv()
    {
        // NIST SP 800-38A F.2.1 CBC-AES128.Encrypt, first two blocks.
        using var cipher = new DesfireCipher(DesfireKeyType.Aes, Hex.Parse("2B7E151628AED2A6ABF7158809CF4F3C"));
        var iv = Hex.Parse("000102030405060708090A0B0C0D0E0F");
        var output = new byte[32];

        cipher.EncryptCbc(Hex.Parse("6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E51"), iv, output);

        Assert.Equal(Hex.Parse("7649ABAC8119B246CEE98E9B12E9197D5086CB9B507219EE95DB113A917678B2"), output);
        Assert.Equal(output.AsSpan(16).ToArray(), iv);
    }

    [Fact]
    public void DecryptCbc_InPlace_RestoresPlaintextAndSetsIvToLastCipherBlock()
    {
        using var cipher = new DesfireCipher(DesfireKeyType.ThreeKey3Des, Hex.Sequence(1, 24));
        var plain = Hex.Sequence(0x40, 0x57);
        var buffer = plain.ToArray();
        var iv = new byte[8];
        cipher.EncryptCbc(buffer, iv, buffer);
        var lastCipherBlock = buffer.AsSpan(16).ToArray();

        var decryptIv = new byte[8];
        cipher.DecryptCbc(buffer, decryptIv, buffer);

        Assert.Equal(plain, buffer);
        Assert.Equal(lastCipherBlock, decryptIv);
    }

    [Fact]
    public void EncryptBlock_DesFips81Vector_Matches()
    {
        // FIPS 81 example: key 0123456789ABCDEF, "Now is t" → 3FA40E8A984D4815.
        using var cipher = new DesfireCipher(DesfireKeyType.Des, Hex.Parse("0123456789ABCDEF"));
        var output = new byte[8];

        cipher.EncryptBlock(Hex.Parse("4E6F772069732074"), output);

        Assert.Equal(Hex.Parse("3FA40E8A984D4815"), output);
    }

    [Fact]
    public void EncryptCbc_PartialBlock_Throws()
    {
        using var cipher = new DesfireCipher(DesfireKeyType.Aes, new byte[16]);

        Assert.Throws<ArgumentException>(() => cipher.EncryptCbc(new byte[15], new byte[16], new byte[16]));
    }
}
