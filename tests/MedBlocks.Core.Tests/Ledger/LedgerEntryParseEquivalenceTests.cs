using System.Text.Json;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Tests.Ledger;

/// <summary>
/// Entry parsing reads canonical text in one pass; it must accept exactly the entries, and name the same problem,
/// as parsing to a document, re-serialising, comparing, and then reading the fields.
/// </summary>
public sealed class LedgerEntryParseEquivalenceTests
{
    private static readonly string[] Fields = ["author", "body", "kind", "prev", "sig", "time", "v"];

    /// <summary>The reference reading: null when accepted, else the problem.</summary>
    private static string? ReferenceProblem(byte[] utf8)
    {
        try
        {
            if (utf8.Length > LedgerEntry.MaxCanonicalBytes)
            {
                return $"An entry is at most {LedgerEntry.MaxCanonicalBytes} bytes.";
            }

            var root = CanonicalJson.Parse(utf8);
            if (!CanonicalJson.Serialize(root).AsSpan().SequenceEqual(utf8))
            {
                return "JSON is not in canonical form.";
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return "An entry is a JSON object.";
            }

            var names = root.EnumerateObject().Select(p => p.Name).ToList();
            if (!names.SequenceEqual(Fields))
            {
                return $"An entry has exactly the fields {string.Join(", ", Fields)}; found {string.Join(", ", names)}.";
            }

            var v = root.GetProperty("v");
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version) || version != LedgerEntry.FormatVersion)
            {
                return $"Unsupported entry format version; expected {LedgerEntry.FormatVersion}.";
            }

            string Text(string name) => root.GetProperty(name) is { ValueKind: JsonValueKind.String } value
                ? value.GetString()!
                : throw new LedgerFormatException($"{name} must be a string.");

            var prev = Text("prev");
            var author = Text("author");
            _ = LedgerEntry.ParseTime(Text("time"));
            var kind = Text("kind");
            var sig = Text("sig");
            return !LedgerEncoding.IsSha256Hex(prev) ? "prev must be 64 lowercase hex digits."
                : !Ed25519Address.IsValid(author) ? "author is not a base58 Ed25519 address."
                : !LedgerEntryKinds.IsKnown(kind) ? "kind is not a known entry kind."
                : root.GetProperty("body").ValueKind != JsonValueKind.Object ? "body must be a JSON object."
                : !LedgerEncoding.TryDecodeBase64(sig, out var signature) || signature.Length != Ed25519Address.SignatureLength
                    ? "sig must be the base64 of a 64-byte Ed25519 signature."
                    : null;
        }
        catch (LedgerFormatException ex)
        {
            return ex.Message;
        }
    }

    private static string? Problem(byte[] utf8)
    {
        try
        {
            var entry = LedgerEntry.Parse(utf8);
            Assert.Equal(utf8, entry.CanonicalBytes.ToArray());
            return null;
        }
        catch (LedgerFormatException ex)
        {
            return ex.Message;
        }
    }

    [Fact]
    public void Parse_MutatedEntriesOfEveryKind_AgreesWithTheReference()
    {
        var chain = new TestChain().WithParticipants();
        var medBlock = chain.Append(chain.Lab, TestChain.MedBlockFor(chain.Patient, true, chain.Emergency));
        var entries = new List<LedgerEntry>
        {
            medBlock,
            chain.Append(chain.Patient, new KeyGrant(medBlock.Hash, chain.Practitioner.Address, TestKeys.Wrapped(2))),
            chain.Append(chain.Emergency, new EmergencyAccess(medBlock.Hash, chain.Patient.Address, "unconscious \u00e9 \ufffd")),
            chain.Append(chain.Site, new CardRevocation(chain.Patient.Address, "04A1B2", CardRevocationReason.Lost)),
            chain.Append(chain.Patient, new Refusal(medBlock.Hash)),
        };
        string[] pieces =
        [
            " ", "\"", "\\", "\\u0041", "\\u00e9", "\\/", "{", "}", "[", "]", ",", ":", "0", "1", "2", "-", ".", "e", "A", "z", "=", "l", "O",
            "\"v\":2,", ",\"x\":1", "\"sig\":\"\",", "null", "\u00e9", "T", "Z",
        ];
        var random = new Random(2026);
        var rejected = 0;
        for (var i = 0; i < 4_000; i++)
        {
            var bytes = new List<byte>(entries[random.Next(entries.Count)].CanonicalBytes.ToArray());
            for (var edits = random.Next(1, 3); edits > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                if (random.Next(2) == 0)
                {
                    bytes.RemoveAt(at);
                }

                if (random.Next(3) != 0)
                {
                    bytes.InsertRange(at, System.Text.Encoding.UTF8.GetBytes(pieces[random.Next(pieces.Length)]));
                }
            }

            byte[] candidate = [.. bytes];
            var expected = ReferenceProblem(candidate);
            var actual = Problem(candidate);
            var text = System.Text.Encoding.UTF8.GetString(candidate);
            Assert.True((expected is null) == (actual is null), $"{text}\nreference: {expected}\none pass: {actual}");
            if (expected is not null && !expected.StartsWith("Malformed JSON", StringComparison.Ordinal))
            {
                // Messages from the JSON reader itself may word a syntax error differently; every other problem reads the same.
                Assert.True(expected == actual, $"{text}\nreference: {expected}\none pass: {actual}");
            }

            rejected += expected is null ? 0 : 1;
        }

        Assert.InRange(rejected, 1_000, 4_000);
    }
}
