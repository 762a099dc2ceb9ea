using MedBlocks.Core.Encoding;

namespace MedBlocks.Core.Tests.Encoding;

public sealed class Base58Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("00", "1")]
    [InlineData("0000", "11")]
    [InlineData("61", "2g")]
    [InlineData("626262", "a3gV")]
    [InlineData("636363", "aPEr")]
    [InlineData("48656c6c6f20576f726c6421", "2NEpo7TZRRrLZSi2U")]
    [InlineData("00000000000000000000", "1111111111")]
    [InlineData("0000287fb4cd", "11233QC4")]
    [InlineData("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L")]
    [InlineData("ffffffff", "7YXq9G")]
    public void EncodeDecode_KnownVectors_RoundTrip(string hex, string base58)
    {
        var bytes = Convert.FromHexString(hex);
        Assert.Equal(base58, Base58.Encode(bytes));
        Assert.Equal(bytes, Base58.Decode(base58));
    }

    [Theory]
    [InlineData("0OIl")]
    [InlineData("abc0")]
    [InlineData("2NEpo7TZRRrLZSi2U!")]
    [InlineData("é")]
    public void Decode_CharacterOutsideAlphabet_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => Base58.Decode(text));
        Assert.False(Base58.TryDecode(text, out _));
    }

    [Fact]
    public void TryDecode_Null_ReturnsFalse()
    {
        Assert.False(Base58.TryDecode(null, out var data));
        Assert.Empty(data);
    }
}
