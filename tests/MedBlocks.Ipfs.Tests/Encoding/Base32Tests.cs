using MedBlocks.Ipfs.Encoding;

namespace MedBlocks.Ipfs.Tests.Encoding;

public sealed class Base32Tests
{
    // RFC 4648 section 10 test vectors, lower-cased and without padding.
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "my")]
    [InlineData("fo", "mzxq")]
    [InlineData("foo", "mzxw6")]
    [InlineData("foob", "mzxw6yq")]
    [InlineData("fooba", "mzxw6ytb")]
    [InlineData("foobar", "mzxw6ytboi")]
    public void EncodeLower_Rfc4648Vectors_MatchAndRoundTrip(string plain, string encoded)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(plain);

        Assert.Equal(encoded, Base32.EncodeLower(bytes));
        Assert.Equal(encoded.ToUpperInvariant(), Base32.EncodeUpper(bytes));
        Assert.True(Base32.TryDecodeLower(encoded, out var decoded));
        Assert.Equal(bytes, decoded);
    }

    [Theory]
    [InlineData("MZXW6")]
    [InlineData("mzxw1")]
    [InlineData("m")]
    [InlineData("mzx")]
    [InlineData("mz")]
    [InlineData("mzxw6===")]
    public void TryDecodeLower_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(Base32.TryDecodeLower(text, out _));
    }
}
