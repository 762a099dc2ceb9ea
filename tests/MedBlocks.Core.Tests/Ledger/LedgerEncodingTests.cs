using MedBlocks.Core.Ledger;

namespace MedBlocks.Core.Tests.Ledger;

public sealed class LedgerEncodingTests
{
    /// <summary>The reference: decode with the framework, re-encode, and require the same text.</summary>
    private static bool ReferenceIsCanonical(string text, out int length)
    {
        length = 0;
        if (text.Length == 0 || text.Length % 4 != 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
        {
            return false;
        }

        try
        {
            var data = Convert.FromBase64String(text);
            length = data.Length;
            return Convert.ToBase64String(data) == text;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [Theory]
    [InlineData("AA==", 1)]
    [InlineData("AAA=", 2)]
    [InlineData("AAAA", 3)]
    [InlineData("/+9a", 3)]
    [InlineData("Zg==", 1)]
    [InlineData("Zm8=", 2)]
    [InlineData("Zm9v", 3)]
    public void IsCanonicalBase64_CanonicalText_ReportsDecodedLength(string text, int length)
    {
        Assert.True(LedgerEncoding.IsCanonicalBase64(text, out var decoded));
        Assert.Equal(length, decoded);
        Assert.True(LedgerEncoding.TryDecodeBase64(text, out var data));
        Assert.Equal(Convert.FromBase64String(text), data);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("AAA")]
    [InlineData("AB==")]
    [InlineData("AAB=")]
    [InlineData("Zh==")]
    [InlineData("Zm9=")]
    [InlineData("====")]
    [InlineData("A===")]
    [InlineData("AA=A")]
    [InlineData("=AAA")]
    [InlineData("AA==AAAA")]
    [InlineData("AA AA==")]
    [InlineData("AAAA\n")]
    [InlineData("Zm9v-_==")]
    [InlineData("Zm9vé===")]
    public void IsCanonicalBase64_NonCanonicalText_IsRejected(string? text)
    {
        Assert.False(LedgerEncoding.IsCanonicalBase64(text, out var length));
        Assert.Equal(0, length);
        Assert.False(LedgerEncoding.TryDecodeBase64(text, out var data));
        Assert.Empty(data);
    }

    [Fact]
    public void IsCanonicalBase64_RandomAndMutatedText_AgreesWithDecodeAndReencode()
    {
        var random = new Random(64);
        const string characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= -_";
        for (var i = 0; i < 20_000; i++)
        {
            var data = new byte[random.Next(0, 12)];
            random.NextBytes(data);
            var text = Convert.ToBase64String(data).ToCharArray();
            if (text.Length > 0 && random.Next(4) != 0)
            {
                text[random.Next(text.Length)] = characters[random.Next(characters.Length)];
            }

            var candidate = new string(text);
            var expected = ReferenceIsCanonical(candidate, out var expectedLength);
            Assert.True(expected == LedgerEncoding.IsCanonicalBase64(candidate, out var length), candidate);
            Assert.Equal(expectedLength * (expected ? 1 : 0), length);
        }
    }
}
