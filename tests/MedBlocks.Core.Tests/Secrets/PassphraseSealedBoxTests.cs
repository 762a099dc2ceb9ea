using System.Text.Json;
using System.Text.Json.Nodes;
using MedBlocks.Core.Secrets;

namespace MedBlocks.Core.Tests.Secrets;

public sealed class PassphraseSealedBoxTests
{
    private static readonly byte[] Secret = "PKCS#8 keys would go here"u8.ToArray();
    private static readonly byte[] Context = "test-context"u8.ToArray();

    [Fact]
    public void SealOpen_RightPassphrase_ReturnsPlaintext()
    {
        var box = PassphraseSealedBox.Seal(Secret, "correct horse", Argon2Parameters.FastForTests, Context);

        Assert.Equal(Secret, box.Open("correct horse", Context));
        Assert.Equal(Secret.Length + 16, box.Ciphertext.Length);
        Assert.Equal(12, box.Nonce.Length);
        Assert.Equal(16, box.Salt.Length);
    }

    [Fact]
    public void ToJsonParse_RoundTrip_HasExactShape()
    {
        var box = PassphraseSealedBox.Seal(Secret, "1234", Argon2Parameters.FastForTests, Context);

        var json = box.ToJson();
        var node = JsonNode.Parse(json)!.AsObject();

        Assert.Equal(["v", "kdf", "nonce", "ct"], node.Select(p => p.Key));
        Assert.Equal(2, (int)node["v"]!);
        Assert.Equal(["alg", "m", "t", "p", "salt"], node["kdf"]!.AsObject().Select(p => p.Key));
        Assert.Equal("argon2id", (string)node["kdf"]!["alg"]!);
        Assert.Equal(1024, (int)node["kdf"]!["m"]!);
        Assert.DoesNotContain(' ', json);
        Assert.Equal(Secret, PassphraseSealedBox.Parse(json).Open("1234", Context));
    }

    [Fact]
    public void Open_WrongPassphrase_ThrowsWrongPassphrase()
    {
        var box = PassphraseSealedBox.Seal(Secret, "1234", Argon2Parameters.FastForTests, Context);

        Assert.Throws<WrongPassphraseException>(() => box.Open("1235", Context));
    }

    [Fact]
    public void Open_OtherContext_ThrowsWrongPassphrase()
    {
        var box = PassphraseSealedBox.Seal(Secret, "1234", Argon2Parameters.FastForTests, Context);

        Assert.Throws<WrongPassphraseException>(() => box.Open("1234", "other-context"u8));
    }

    [Theory]
    [InlineData("m", 2048)]
    [InlineData("t", 2)]
    [InlineData("p", 2)]
    public void Open_KdfParameterSwapped_Fails(string field, int value)
    {
        var node = JsonNode.Parse(PassphraseSealedBox.Seal(Secret, "1234", Argon2Parameters.FastForTests, Context).ToJson())!;
        node["kdf"]![field] = value;

        var box = PassphraseSealedBox.Parse(node.ToJsonString());

        Assert.Throws<WrongPassphraseException>(() => box.Open("1234", Context));
    }

    [Fact]
    public void Open_SaltOrNonceOrCiphertextAltered_Fails()
    {
        var json = PassphraseSealedBox.Seal(Secret, "1234", Argon2Parameters.FastForTests, Context).ToJson();
        foreach (var alter in new Action<JsonNode>[]
        {
            n => n["kdf"]!["salt"] = FlipFirstBit((string)n["kdf"]!["salt"]!),
            n => n["nonce"] = FlipFirstBit((string)n["nonce"]!),
            n => n["ct"] = FlipFirstBit((string)n["ct"]!),
        })
        {
            var node = JsonNode.Parse(json)!;
            alter(node);
            var box = PassphraseSealedBox.Parse(node.ToJsonString());
            Assert.Throws<WrongPassphraseException>(() => box.Open("1234", Context));
        }
    }

    [Theory]
    [InlineData("""{"v":2,"kdf":{"alg":"argon2id","m":4194304,"t":1,"p":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"nonce":"AAAAAAAAAAAAAAAA","ct":"AAAAAAAAAAAAAAAAAAAAAA=="}""", "memory")]
    [InlineData("""{"v":2,"kdf":{"alg":"argon2id","m":1024,"t":1000,"p":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"nonce":"AAAAAAAAAAAAAAAA","ct":"AAAAAAAAAAAAAAAAAAAAAA=="}""", "iterations")]
    [InlineData("""{"v":2,"kdf":{"alg":"argon2id","m":4,"t":1,"p":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"nonce":"AAAAAAAAAAAAAAAA","ct":"AAAAAAAAAAAAAAAAAAAAAA=="}""", "memory")]
    [InlineData("""{"v":2,"kdf":{"alg":"argon2id","m":1024,"t":1,"p":64,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"nonce":"AAAAAAAAAAAAAAAA","ct":"AAAAAAAAAAAAAAAAAAAAAA=="}""", "lanes")]
    [InlineData("""{"v":2,"kdf":{"alg":"argon2id","m":1e12,"t":1,"p":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"nonce":"AAAAAAAAAAAAAAAA","ct":"AAAAAAAAAAAAAAAAAAAAAA=="}""", "'m'")]
    [InlineData("""{"v":2,"kdf":{"alg":"scrypt","m":1024,"t":1,"p":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"nonce":"AAAAAAAAAAAAAAAA","ct":"AAAAAAAAAAAAAAAAAAAAAA=="}""", "scrypt")]
    [InlineData("""{"v":3,"kdf":{"alg":"argon2id","m":1024,"t":1,"p":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"nonce":"AAAAAAAAAAAAAAAA","ct":"AAAAAAAAAAAAAAAAAAAAAA=="}""", "version 3")]
    [InlineData("""{"v":2,"kdf":{"alg":"argon2id","m":1024,"t":1,"p":1,"salt":"AAAA"},"nonce":"AAAAAAAAAAAAAAAA","ct":"AAAAAAAAAAAAAAAAAAAAAA=="}""", "salt")]
    [InlineData("""{"v":2,"kdf":{"alg":"argon2id","m":1024,"t":1,"p":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"nonce":"AAAA","ct":"AAAAAAAAAAAAAAAAAAAAAA=="}""", "nonce")]
    [InlineData("""{"v":2,"kdf":{"alg":"argon2id","m":1024,"t":1,"p":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"nonce":"AAAAAAAAAAAAAAAA","ct":"AAAA"}""", "truncated")]
    [InlineData("""{"v":2,"kdf":{"alg":"argon2id","m":1024,"t":1,"p":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"nonce":"AAAAAAAAAAAAAAAA","ct":"@@@"}""", "'ct'")]
    [InlineData("""{"v":2,"kdf":{"alg":"argon2id","m":1024,"t":1,"p":1,"salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"nonce":"AAAAAAAAAAAAAAAA"}""", "'ct'")]
    [InlineData("""{"v":2,"nonce":"AAAAAAAAAAAAAAAA","ct":"AAAAAAAAAAAAAAAAAAAAAA=="}""", "'kdf'")]
    [InlineData("""{"v":"2"}""", "'v'")]
    [InlineData("""{"v":2,"v":2}""", "JSON")]
    [InlineData("""[2]""", "object")]
    [InlineData("""{"v":2,"kdf":{"alg":"argon2""", "JSON")]
    [InlineData("", "JSON")]
    public void Parse_MalformedOrAbsurd_ThrowsKeyFileFormatNamingTheProblem(string json, string named)
    {
        var e = Assert.Throws<KeyFileFormatException>(() => PassphraseSealedBox.Parse(json));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EveryTruncation_ThrowsKeyFileFormat()
    {
        var json = PassphraseSealedBox.Seal(Secret, "1234", Argon2Parameters.FastForTests, Context).ToJson();

        for (var length = 0; length < json.Length; length++)
        {
            Assert.Throws<KeyFileFormatException>(() => PassphraseSealedBox.Parse(json[..length]));
        }
    }

    [Fact]
    public void Seal_EmptyPassphrase_Throws()
    {
        Assert.Throws<ArgumentException>(() => PassphraseSealedBox.Seal(Secret, "", Argon2Parameters.FastForTests, Context));
    }

    [Fact]
    public void Seal_ParametersOutsideLimits_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PassphraseSealedBox.Seal(Secret, "1234", new Argon2Parameters(4, 1, 1), Context));
    }

    private static string FlipFirstBit(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        bytes[0] ^= 1;
        return Convert.ToBase64String(bytes);
    }

    [Fact]
    public void ReadFields_NotAnObjectMember_Throws()
    {
        using var document = JsonDocument.Parse("""{"kdf":[]}""");

        Assert.Throws<KeyFileFormatException>(() => PassphraseSealedBox.ReadFields(document.RootElement));
    }
}
