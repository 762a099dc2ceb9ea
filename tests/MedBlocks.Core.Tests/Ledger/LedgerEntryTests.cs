using System.Security.Cryptography;
using System.Text.Json;
using MedBlocks.Core.Ledger;

namespace MedBlocks.Core.Tests.Ledger;

public sealed class LedgerEntryTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 25, 10, 0, 0, 123, TimeSpan.Zero);

    private static LedgerEntry Sample(out TestSigner signer)
    {
        signer = new TestSigner(1);
        return LedgerEntryFactory.Create(signer, LedgerEntry.GenesisPrev, Time, new Refusal(new string('b', 64)));
    }

    private static string Utf8(ReadOnlyMemory<byte> bytes) => System.Text.Encoding.UTF8.GetString(bytes.Span);

    [Fact]
    public void Create_SignedEntry_HasCanonicalLayoutAndVerifies()
    {
        var entry = Sample(out var signer);

        var expectedPrefix = "{\"author\":\"" + signer.Address + "\",\"body\":{\"medblock\":\"" + new string('b', 64)
            + "\"},\"kind\":\"refuse\",\"prev\":\"" + LedgerEntry.GenesisPrev + "\",\"sig\":\"";
        var text = entry.ToCanonicalString();
        Assert.StartsWith(expectedPrefix, text, StringComparison.Ordinal);
        Assert.EndsWith("\",\"time\":\"2026-11-25T10:00:00.123Z\",\"v\":2}", text, StringComparison.Ordinal);
        Assert.True(entry.VerifySignature());
        Assert.Null(entry.Position);
    }

    [Fact]
    public void GetSignedBytes_ExcludesSignatureAndIncludesVersion()
    {
        var entry = Sample(out var signer);

        var expected = "{\"author\":\"" + signer.Address + "\",\"body\":{\"medblock\":\"" + new string('b', 64)
            + "\"},\"kind\":\"refuse\",\"prev\":\"" + LedgerEntry.GenesisPrev + "\",\"time\":\"2026-11-25T10:00:00.123Z\",\"v\":2}";
        Assert.Equal(expected, Utf8(entry.GetSignedBytes()));
        Assert.Equal(LedgerEntry.BuildSignedBytes(entry.Prev, entry.Author, entry.Time, entry.Kind, entry.Body), entry.GetSignedBytes());
    }

    [Fact]
    public void GetSignedBytes_BodyWithNestedSigMember_CutsOnlyTheTopLevelSignature()
    {
        var signer = new TestSigner(1);
        using var body = JsonDocument.Parse("{\"sig\":\"x\",\"z\":{\"sig\":\"y\"}}");
        var signed = LedgerEntry.BuildSignedBytes(LedgerEntry.GenesisPrev, signer.Address, Time, "refuse", body.RootElement);
        var entry = LedgerEntry.Create(LedgerEntry.GenesisPrev, signer.Address, Time, "refuse", body.RootElement, Convert.ToBase64String(signer.Sign(signed)));

        Assert.Equal(signed, entry.GetSignedBytes());
        Assert.True(entry.VerifySignature());
    }

    [Fact]
    public void Hash_IsSha256OfCanonicalBytes()
    {
        var entry = Sample(out _);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(entry.CanonicalBytes.Span)), entry.Hash);
    }

    [Fact]
    public void Parse_StoredBytes_RoundTripsWithPosition()
    {
        var entry = Sample(out var signer);

        var parsed = LedgerEntry.Parse(entry.CanonicalBytes.Span, 7);

        Assert.Equal(entry.Hash, parsed.Hash);
        Assert.Equal(7, parsed.Position);
        Assert.Equal(signer.Address, parsed.Author);
        Assert.Equal(Time, parsed.Time);
        Assert.Equal("refuse", parsed.Kind);
        Assert.True(parsed.VerifySignature());
        Assert.Equal(new Refusal(new string('b', 64)), LedgerBody.Parse(parsed));
    }

    [Fact]
    public void VerifySignature_ForgedBySomeoneElse_IsFalse()
    {
        var entry = Sample(out var signer);
        var forger = new TestSigner(2);
        var forged = LedgerEntry.Create(entry.Prev, signer.Address, entry.Time, entry.Kind, entry.Body, Convert.ToBase64String(forger.Sign(entry.GetSignedBytes())));

        Assert.False(forged.VerifySignature());
    }

    [Fact]
    public void VerifySignature_AfterChangingTheBody_IsFalse()
    {
        var entry = Sample(out var signer);
        using var otherBody = JsonDocument.Parse("{\"medblock\":\"" + new string('c', 64) + "\"}");
        var altered = LedgerEntry.Create(entry.Prev, signer.Address, entry.Time, entry.Kind, otherBody.RootElement, entry.Sig);

        Assert.False(altered.VerifySignature());
        Assert.NotEqual(entry.Hash, altered.Hash);
    }

    [Fact]
    public void Create_SignerReturningBadSignature_IsRejected()
    {
        var liar = new LyingSigner(new TestSigner(1).Address);

        var violation = Assert.Throws<LedgerRuleViolation>(() => LedgerEntryFactory.Create(liar, LedgerEntry.GenesisPrev, Time, new Refusal(new string('b', 64))));
        Assert.Equal(LedgerRuleNames.Signature, violation.Rule);
    }

    [Fact]
    public void Factory_ClockBehindHead_UsesHeadTime()
    {
        var clock = new FixedClock(Time);
        var factory = new LedgerEntryFactory(clock);
        var head = new LedgerHead(3, new string('d', 64), Time.AddSeconds(30));

        var entry = factory.Create(new TestSigner(1), head, new Refusal(new string('b', 64)));

        Assert.Equal(Time.AddSeconds(30), entry.Time);
        Assert.Equal(head.Hash, entry.Prev);
    }

    [Fact]
    public void Factory_TruncatesTimeToMilliseconds()
    {
        var clock = new FixedClock(Time.AddTicks(4567));
        var entry = new LedgerEntryFactory(clock).Create(new TestSigner(1), LedgerEntry.GenesisPrev, new Refusal(new string('b', 64)));
        Assert.Equal(Time, entry.Time);
    }

    public static TheoryData<string, string> MalformedEntries()
    {
        var entry = Sample(out _);
        var text = entry.ToCanonicalString();
        return new TheoryData<string, string>
        {
            { "not json", "{\"author\":" },
            { "whitespace", text.Replace(",\"kind\"", ", \"kind\"", StringComparison.Ordinal) },
            { "unknown field", text.Replace(",\"v\":2}", ",\"v\":2,\"x\":1}", StringComparison.Ordinal) },
            { "missing sig", System.Text.RegularExpressions.Regex.Replace(text, "\"sig\":\"[^\"]*\",", string.Empty) },
            { "version 1", text.Replace("\"v\":2}", "\"v\":1}", StringComparison.Ordinal) },
            { "version as string", text.Replace("\"v\":2}", "\"v\":\"2\"}", StringComparison.Ordinal) },
            { "time without milliseconds", text.Replace("10:00:00.123Z", "10:00:00Z", StringComparison.Ordinal) },
            { "time with offset", text.Replace("10:00:00.123Z", "10:00:00.123+01:00", StringComparison.Ordinal) },
            { "uppercase prev", text.Replace(LedgerEntry.GenesisPrev, new string('A', 64), StringComparison.Ordinal) },
            { "unknown kind", text.Replace("\"refuse\"", "\"rumour\"", StringComparison.Ordinal) },
            { "body not object", System.Text.RegularExpressions.Regex.Replace(text, "\"body\":\\{[^}]*\\}", "\"body\":[]") },
            { "short sig", System.Text.RegularExpressions.Regex.Replace(text, "\"sig\":\"[^\"]*\"", "\"sig\":\"AAAA\"") },
            { "float", text.Replace("\"v\":2}", "\"v\":2.0}", StringComparison.Ordinal) },
            { "fields out of order", text.Replace("\"kind\":\"refuse\",", string.Empty, StringComparison.Ordinal).Replace("\"v\":2}", "\"v\":2,\"kind\":\"refuse\"}", StringComparison.Ordinal) },
            { "duplicate field", text.Replace("\"v\":2}", "\"v\":2,\"v\":2}", StringComparison.Ordinal) },
            { "whitespace in body", text.Replace("{\"medblock\":", "{ \"medblock\":", StringComparison.Ordinal) },
            { "escaped letter", text.Replace("\"kind\":\"refuse\"", "\"kind\":\"r\\u0065fuse\"", StringComparison.Ordinal) },
            { "trailing newline", text + "\n" },
            { "prev as number", text.Replace("\"" + LedgerEntry.GenesisPrev + "\"", "0", StringComparison.Ordinal) },
            { "author as null", System.Text.RegularExpressions.Regex.Replace(text, "\"author\":\"[^\"]*\"", "\"author\":null") },
            { "array", "[]" },
        };
    }

    [Theory]
    [MemberData(nameof(MalformedEntries))]
    public void Parse_MalformedEntry_IsRejected(string what, string json)
    {
        Assert.False(string.IsNullOrEmpty(what));
        Assert.Throws<LedgerFormatException>(() => LedgerEntry.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData(",\"v\":2}", ",\"v\":2,\"x\":1}", "An entry has exactly the fields author, body, kind, prev, sig, time, v; found author, body, kind, prev, sig, time, v, x.")]
    [InlineData("\"v\":2}", "\"v\":3}", "Unsupported entry format version; expected 2.")]
    [InlineData("\"v\":2}", "\"v\":{\"a\":2}}", "Unsupported entry format version; expected 2.")]
    [InlineData("\"v\":2}", "\"v\":[2]}", "Unsupported entry format version; expected 2.")]
    [InlineData("\"kind\":\"refuse\"", "\"kind\":{\"v\":2}", "kind must be a string.")]
    [InlineData("\"kind\":\"refuse\"", "\"kind\":7", "kind must be a string.")]
    [InlineData("10:00:00.123Z", "10:00:00Z", "Entry time must look like 2026-11-25T10:00:00.000Z.")]
    [InlineData("\"refuse\"", "\"rumour\"", "kind is not a known entry kind.")]
    public void Parse_MalformedEntry_NamesTheProblem(string find, string replace, string message)
    {
        var text = Sample(out _).ToCanonicalString().Replace(find, replace, StringComparison.Ordinal);
        var error = Assert.Throws<LedgerFormatException>(() => LedgerEntry.Parse(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void CopySignedBytesTo_WritesExactlyTheSignedBytes()
    {
        var entry = Sample(out _);
        var buffer = new byte[entry.CanonicalBytes.Length];

        var written = entry.CopySignedBytesTo(buffer);

        Assert.Equal(entry.SignedBytesLength, written);
        Assert.Equal(entry.GetSignedBytes(), buffer[..written]);
    }

    [Fact]
    public void Parse_OversizedEntry_IsRejected()
    {
        var json = "{\"a\":\"" + new string('x', LedgerEntry.MaxCanonicalBytes) + "\"}";
        Assert.Throws<LedgerFormatException>(() => LedgerEntry.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("2026-11-25T10:00:00.000Z")]
    [InlineData("1999-01-31T23:59:59.999Z")]
    public void ParseTime_FormatTime_RoundTrip(string text)
    {
        Assert.Equal(text, LedgerEntry.FormatTime(LedgerEntry.ParseTime(text)));
    }

    private sealed class LyingSigner(string address) : MedBlocks.Core.Participants.IEntrySigner
    {
        public string Address { get; } = address;

        public byte[] Sign(ReadOnlySpan<byte> message) => new byte[64];
    }
}
