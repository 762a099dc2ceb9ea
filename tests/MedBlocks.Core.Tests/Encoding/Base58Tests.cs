using System.Numerics;
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

    [Fact]
    public void EncodeDecode_RandomData_MatchBigIntegerConversion()
    {
        var random = new Random(58);
        for (var i = 0; i < 2_000; i++)
        {
            var data = new byte[random.Next(0, 80)];
            random.NextBytes(data);
            data.AsSpan(0, random.Next(0, Math.Min(4, data.Length) + 1)).Clear();

            var text = Base58.Encode(data);
            Assert.Equal(ReferenceBase58.Encode(data), text);
            Assert.Equal(data, Base58.Decode(text));
        }
    }

    [Fact]
    public void Decode_RandomText_MatchesBigIntegerConversion()
    {
        const string alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        var random = new Random(1958);
        for (var i = 0; i < 2_000; i++)
        {
            var text = new string('1', random.Next(0, 4))
                + new string(Enumerable.Range(0, random.Next(0, 70)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var expected = ReferenceBase58.Decode(text);
            Assert.Equal(expected, Base58.Decode(text));
            Assert.True(Base58.TryDecode(text, out var data));
            Assert.Equal(expected, data);

            var exact = new byte[expected.Length];
            Assert.True(Base58.TryDecode(text, exact, out var written));
            Assert.Equal(expected.Length, written);
            Assert.Equal(expected, exact);
        }
    }

    [Fact]
    public void TryDecodeSpan_DestinationTooSmall_ReturnsFalse()
    {
        var data = Convert.FromHexString("00eb15231dfceb60925886b67d065299925915aeb172c06647");
        var text = Base58.Encode(data);
        Assert.False(Base58.TryDecode(text, new byte[data.Length - 1], out var written));
        Assert.Equal(0, written);
        Assert.False(Base58.TryDecode("1111", new byte[3], out _));
        Assert.False(Base58.TryDecode(new string('z', 5_000), new byte[32], out _));

        var roomy = new byte[data.Length + 10];
        Assert.True(Base58.TryDecode(text, roomy, out written));
        Assert.Equal(data, roomy[..written]);
    }

    [Theory]
    [InlineData("0OIl")]
    [InlineData("1111é")]
    [InlineData("2NEpo7TZRRrLZSi2U ")]
    public void TryDecodeSpan_CharacterOutsideAlphabet_ReturnsFalse(string text)
    {
        Assert.False(Base58.TryDecode(text, new byte[64], out _));
    }

    /// <summary>The textbook big-integer conversion, as the reference the limb arithmetic must agree with.</summary>
    private static class ReferenceBase58
    {
        private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

        public static string Encode(byte[] data)
        {
            var zeros = data.TakeWhile(b => b == 0).Count();
            var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
            var text = new List<char>();
            while (value > 0)
            {
                value = BigInteger.DivRem(value, 58, out var remainder);
                text.Add(Alphabet[(int)remainder]);
            }

            text.AddRange(Enumerable.Repeat('1', zeros));
            text.Reverse();
            return new string(text.ToArray());
        }

        public static byte[] Decode(string text)
        {
            var ones = text.TakeWhile(c => c == '1').Count();
            var value = text.Aggregate(BigInteger.Zero, (v, c) => v * 58 + Alphabet.IndexOf(c, StringComparison.Ordinal));
            var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
            return [.. new byte[ones], .. body];
        }
    }
}
