using System.Text.Json.Nodes;
using MedBlocks.Core.Ledger;

namespace MedBlocks.Core.Tests.Ledger;

/// <summary>
/// The one-pass canonical check must accept and reject exactly what parsing, re-serialising and comparing does.
/// </summary>
public sealed class CanonicalJsonValidatorTests
{
    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>The reference: parse strictly, write canonically, compare byte for byte.</summary>
    private static bool ReferenceAccepts(byte[] utf8)
    {
        try
        {
            return CanonicalJson.Serialize(CanonicalJson.Parse(utf8)).AsSpan().SequenceEqual(utf8);
        }
        catch (LedgerFormatException)
        {
            return false;
        }
    }

    private static bool Accepts(byte[] utf8)
    {
        try
        {
            CanonicalJsonValidator.Validate(utf8);
            return true;
        }
        catch (LedgerFormatException)
        {
            return false;
        }
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("9007199254740991")]
    [InlineData("-9007199254740991")]
    [InlineData("[null,true,false,[],{}]")]
    [InlineData("{\"a\":{\"x\":1,\"y\":[{\"b\":2,\"c\":3}]},\"b\":-7}")]
    [InlineData("\"\\b\\t\\n\\f\\r\\u0000\\u001f\\u000b\\\"\\\\\"")]
    [InlineData("\"\u007f\u2028\u00e9\u20ac\ud83d\ude00/\"")]
    [InlineData("{\"\\r\":1,\"1\":2,\"\u0080\":3,\"\u00f6\":4,\"\u20ac\":5,\"\ud83d\ude00\":6,\"\ufb33\":7}")]
    [InlineData("{\"a\":1,\"a\\u0000\":2,\"ab\":3,\"b\":4}")]
    [InlineData("{\"\":1,\"a\":2}")]
    public void Validate_CanonicalText_IsAccepted(string json)
    {
        var utf8 = Utf8(json);
        Assert.True(ReferenceAccepts(utf8));
        CanonicalJsonValidator.Validate(utf8);
        Assert.Equal(utf8, CanonicalJson.Serialize(CanonicalJson.ParseCanonical(utf8)));
    }

    [Theory]
    // Member order: ordinal by UTF-16 code units, at every level.
    [InlineData("{\"b\":1,\"a\":2}")]
    [InlineData("{\"a\":{\"y\":1,\"x\":2}}")]
    [InlineData("[{\"a\":1},{\"c\":1,\"b\":2}]")]
    [InlineData("{\"ab\":1,\"a\":2}")]
    [InlineData("{\"B\":1,\"A\":2}")]
    [InlineData("{\"a\":1,\"B\":2}")]
    [InlineData("{\"\ufb33\":1,\"\ud83d\ude00\":2}")]
    [InlineData("{\"\u00f6\":1,\"\u0080\":2}")]
    [InlineData("{\"a\\u0000\":1,\"a\":2}")]
    // Whitespace anywhere.
    [InlineData(" {}")]
    [InlineData("{} ")]
    [InlineData("{}\n")]
    [InlineData("{ }")]
    [InlineData("[ ]")]
    [InlineData("{\"a\": 1}")]
    [InlineData("{\"a\" :1}")]
    [InlineData("{\"a\":1 }")]
    [InlineData("{\"a\":1, \"b\":2}")]
    [InlineData("{\"a\":1,\n\"b\":2}")]
    [InlineData("[1,\t2]")]
    [InlineData("[1\r,2]")]
    [InlineData("{\"a\":[ 1]}")]
    // Escapes other than JCS's.
    [InlineData("\"\\/\"")]
    [InlineData("\"\\u0041\"")]
    [InlineData("\"\\u00e9\"")]
    [InlineData("\"\\u20ac\"")]
    [InlineData("\"\\u001F\"")]
    [InlineData("\"\\u000A\"")]
    [InlineData("\"\\u0008\"")]
    [InlineData("\"\\u0009\"")]
    [InlineData("\"\\u000a\"")]
    [InlineData("\"\\u000c\"")]
    [InlineData("\"\\u000d\"")]
    [InlineData("\"\\u0022\"")]
    [InlineData("\"\\u005c\"")]
    [InlineData("\"\\u007f\"")]
    [InlineData("\"\\ud83d\\ude00\"")]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udc00x\"")]
    [InlineData("\"\\ud800\\u0041\"")]
    [InlineData("{\"\\u0061\":1}")]
    [InlineData("{\"a\\/\":1}")]
    // Number forms.
    [InlineData("1.0")]
    [InlineData("4.50")]
    [InlineData("0.5")]
    [InlineData("1e30")]
    [InlineData("1E2")]
    [InlineData("1e-2")]
    [InlineData("-0")]
    [InlineData("01")]
    [InlineData("-01")]
    [InlineData("+1")]
    [InlineData("9007199254740992")]
    [InlineData("-9007199254740992")]
    [InlineData("12345678901234567")]
    [InlineData("{\"n\":0.5}")]
    [InlineData("[1,2.0]")]
    // Duplicate members.
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"a\":1,\"a\":1}")]
    [InlineData("{\"x\":{\"a\":1,\"a\":1}}")]
    [InlineData("{\"a\":1,\"\\u0061\":2}")]
    [InlineData("{\"a\":1,\"b\":2,\"a\":3}")]
    // Malformed JSON.
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1 /* note */}")]
    [InlineData("{'a':1}")]
    [InlineData("{}{}")]
    [InlineData("{} x")]
    [InlineData("True")]
    [InlineData("nul")]
    [InlineData("\"\t\"")]
    public void Validate_NonCanonicalOrMalformedText_IsRejectedLikeTheReference(string json)
    {
        var utf8 = Utf8(json);
        Assert.False(ReferenceAccepts(utf8));
        Assert.Throws<LedgerFormatException>(() => CanonicalJsonValidator.Validate(utf8));
        Assert.Throws<LedgerFormatException>(() => CanonicalJson.ParseCanonical(utf8));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'"', 0xC3, 0x28, (byte)'"' })]
    [InlineData(new byte[] { (byte)'"', 0xFF, (byte)'"' })]
    [InlineData(new byte[] { (byte)'"', 0xED, 0xA0, 0x80, (byte)'"' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xC0, 0xAF, (byte)'"', (byte)':', (byte)'1', (byte)'}' })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}' })]
    public void Validate_InvalidUtf8OrByteOrderMark_IsRejected(byte[] utf8)
    {
        Assert.False(ReferenceAccepts(utf8));
        Assert.Throws<LedgerFormatException>(() => CanonicalJsonValidator.Validate(utf8));
    }

    [Fact]
    public void Validate_TooDeep_IsRejected()
    {
        var ok = Utf8(new string('[', 32) + new string(']', 32));
        var deep = Utf8(new string('[', 33) + new string(']', 33));
        Assert.Equal(ReferenceAccepts(ok), Accepts(ok));
        Assert.False(Accepts(deep));
        Assert.False(ReferenceAccepts(deep));
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}", "Malformed JSON")]
    [InlineData("{\"a\":1.5}", "Only integers are allowed in canonical JSON, found 1.5.")]
    [InlineData("9007199254740992", "Integer outside ±(2^53 − 1).")]
    [InlineData("\"\\ud800\"", "Malformed JSON string")]
    [InlineData("{\"b\":1,\"a\":2}", "JSON is not in canonical form.")]
    [InlineData("{\"a\": 1.5}", "Only integers")]
    [InlineData("{\"a\": 1,", "Malformed JSON")]
    public void Validate_Failure_ReportsTheFirstKindOfProblemAsParsingWould(string json, string messageStart)
    {
        var error = Assert.Throws<LedgerFormatException>(() => CanonicalJsonValidator.Validate(Utf8(json)));
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RandomDocumentsAndMutations_AgreeWithTheReference()
    {
        var random = new Random(8785);
        string[] insertions =
        [
            " ", "\n", ",", ":", "\"", "\\", "\\/", "\\u0041", "\\u001F", "\\u001f", "\\ud83d", "\\ude00", "\\u00e9", "e", ".", "0", "-",
            "1", "}", "{", "[", "]", "\u00e9", "\ud83d\ude00", "\ufb33", "a", "null",
        ];
        var checkedDocuments = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var node = RandomNode(random, 0);
            var canonical = CanonicalJson.Serialize(node);
            Assert.True(Accepts(canonical));

            // System.Text.Json's own writing: insertion order, its own escapes, optionally indented.
            var written = Utf8(node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = random.Next(4) == 0 }));
            Assert.True(ReferenceAccepts(written) == Accepts(written), $"Disagreement on {System.Text.Encoding.UTF8.GetString(written)}");

            var mutated = Mutate(random, canonical, insertions);
            Assert.True(
                ReferenceAccepts(mutated) == Accepts(mutated),
                $"Disagreement on {System.Text.Encoding.UTF8.GetString(mutated)}");
            checkedDocuments++;
        }

        Assert.Equal(20_000, checkedDocuments);
    }

    private static JsonNode RandomNode(Random random, int depth)
    {
        var choice = depth >= 3 ? random.Next(3) : random.Next(5);
        switch (choice)
        {
            case 0:
                return JsonValue.Create(RandomText(random));
            case 1:
                return JsonValue.Create(random.NextInt64(-CanonicalJson.MaxSafeInteger, CanonicalJson.MaxSafeInteger) / (long)Math.Pow(10, random.Next(16)));
            case 2:
                return JsonValue.Create(random.Next(2) == 0);
            case 3:
                var array = new JsonArray();
                for (var i = random.Next(4); i > 0; i--)
                {
                    array.Add(RandomNode(random, depth + 1));
                }

                return array;
            default:
                var obj = new JsonObject();
                for (var i = random.Next(5); i > 0; i--)
                {
                    obj[RandomText(random)] = RandomNode(random, depth + 1);
                }

                return obj;
        }
    }

    private static string RandomText(Random random)
    {
        string[] pieces = ["a", "b", "B", "z", "1", "\"", "\\", "/", "\b", "\n", "\u0001", "\u001f", "\u007f", "\u00e9", "\u20ac", "\ufb33", "\ud83d\ude00", " "];
        var text = new System.Text.StringBuilder();
        for (var i = random.Next(4); i > 0; i--)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    private static byte[] Mutate(Random random, byte[] canonical, string[] insertions)
    {
        var text = new List<byte>(canonical);
        var at = random.Next(text.Count + 1);
        switch (random.Next(3))
        {
            case 0:
                text.InsertRange(at, Utf8(insertions[random.Next(insertions.Length)]));
                break;
            case 1 when at < text.Count:
                text.RemoveAt(at);
                break;
            default:
                if (at < text.Count)
                {
                    text.RemoveAt(at);
                }

                text.InsertRange(Math.Min(at, text.Count), Utf8(insertions[random.Next(insertions.Length)]));
                break;
        }

        return [.. text];
    }
}
