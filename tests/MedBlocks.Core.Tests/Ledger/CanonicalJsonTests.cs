using System.Text.Json.Nodes;
using MedBlocks.Core.Ledger;

namespace MedBlocks.Core.Tests.Ledger;

public sealed class CanonicalJsonTests
{
    private static string Canonicalize(string json) =>
        System.Text.Encoding.UTF8.GetString(CanonicalJson.Serialize(CanonicalJson.Parse(System.Text.Encoding.UTF8.GetBytes(json))));

    [Fact]
    public void Serialize_Rfc8785SortingExample_OrdersByUtf16CodeUnits()
    {
        // RFC 8785 section 3.2.3: the supplementary-plane emoji (surrogate pair D83D) sorts before U+FB33.
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
            + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        Assert.Equal(expected, Canonicalize(input));
    }

    [Fact]
    public void Serialize_Rfc8785StringExample_EscapesMinimally()
    {
        // RFC 8785 section 3.2.2.2.
        const string input = "\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\"";
        Assert.Equal("\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"", Canonicalize(input));
    }

    [Fact]
    public void Serialize_ControlCharacters_UseShortEscapesOrLowercaseHex()
    {
        Assert.Equal("\"\\b\\t\\n\\f\\r\\u0000\\u001f\u007f\"", Canonicalize("\"\\b\\t\\n\\f\\r\\u0000\\u001F\\u007f\""));
    }

    [Fact]
    public void Serialize_Literals_AreLowercaseWithoutWhitespace()
    {
        Assert.Equal("[null,true,false,[],{}]", Canonicalize(" [ null , true ,\n false, [ ], { } ] "));
    }

    [Fact]
    public void Serialize_NestedObjects_SortsEveryLevel()
    {
        Assert.Equal("{\"a\":{\"x\":1,\"y\":[{\"b\":2,\"c\":3}]},\"b\":-7}", Canonicalize("{\"b\":-7,\"a\":{\"y\":[{\"c\":3,\"b\":2}],\"x\":1}}"));
    }

    [Theory]
    [InlineData("9007199254740991")]
    [InlineData("-9007199254740991")]
    [InlineData("0")]
    public void Serialize_SafeIntegers_AreKept(string number)
    {
        Assert.Equal(number, Canonicalize(number));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("4.50")]
    [InlineData("1e30")]
    [InlineData("1E2")]
    [InlineData("-0")]
    [InlineData("9007199254740992")]
    [InlineData("-9007199254740992")]
    [InlineData("{\"n\":0.5}")]
    public void Parse_NonIntegerOrUnsafeNumbers_AreRejected(string json)
    {
        Assert.Throws<LedgerFormatException>(() => CanonicalJson.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"x\":{\"a\":1,\"a\":1}}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1 /* note */}")]
    [InlineData("{\"a\":")]
    [InlineData("")]
    [InlineData("{'a':1}")]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udc00x\"")]
    [InlineData("{\"\\ud800\":1,\"b\":2}")]
    public void Parse_MalformedOrDuplicateKeys_AreRejected(string json)
    {
        Assert.Throws<LedgerFormatException>(() => CanonicalJson.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Parse_InvalidUtf8_IsRejected()
    {
        Assert.Throws<LedgerFormatException>(() => CanonicalJson.Parse([(byte)'"', 0xC3, 0x28, (byte)'"']));
    }

    [Fact]
    public void Parse_TooDeep_IsRejected()
    {
        var json = new string('[', 40) + new string(']', 40);
        Assert.Throws<LedgerFormatException>(() => CanonicalJson.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void ParseCanonical_CanonicalText_IsAccepted()
    {
        var element = CanonicalJson.ParseCanonical("{\"a\":\"\u00e9\",\"b\":[1,2]}"u8);
        Assert.Equal("\u00e9", element.GetProperty("a").GetString());
    }

    [Theory]
    [InlineData("{\"b\":1,\"a\":2}")]
    [InlineData("{\"a\": 2}")]
    [InlineData("{\"a\":\"\\u00e9\"}")]
    [InlineData("{\"a\":\"\\/\"}")]
    public void ParseCanonical_NonCanonicalText_IsRejected(string json)
    {
        Assert.Throws<LedgerFormatException>(() => CanonicalJson.ParseCanonical(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Serialize_JsonNode_MatchesElementForm()
    {
        var node = new JsonObject { ["z"] = "last", ["a"] = 5, ["m"] = new JsonArray(true, false), ["k"] = null };
        Assert.Equal("{\"a\":5,\"k\":null,\"m\":[true,false],\"z\":\"last\"}", System.Text.Encoding.UTF8.GetString(CanonicalJson.Serialize(node)));
    }

    [Fact]
    public void Serialize_JsonNodeWithFloat_IsRejected()
    {
        Assert.Throws<LedgerFormatException>(() => CanonicalJson.Serialize(new JsonObject { ["f"] = 1.5 }));
    }
}
