using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Ledger;

/// <summary>
/// One signed, hash-chained ledger entry (format version 2). The author signs the canonical JSON of
/// <c>{v, prev, author, time, kind, body}</c>; the entry's <see cref="Hash"/> is SHA-256 over the canonical
/// JSON of the whole entry including <c>sig</c>, and is what the next entry's <c>prev</c> names.
/// </summary>
public sealed record LedgerEntry
{
    public const int FormatVersion = 2;

    /// <summary>The <c>prev</c> of the first entry.</summary>
    public const string GenesisPrev = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Maximum size of one entry's canonical JSON; a medblock with a few dozen RSA-3072 wrapped keys fits.</summary>
    public const int MaxCanonicalBytes = 64 * 1024;

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const int AuthorField = 0;
    private const int BodyField = 1;
    private const int KindField = 2;
    private const int PrevField = 3;
    private const int SigField = 4;
    private const int TimeField = 5;
    private const int VersionField = 6;
    private static readonly string[] EntryFields = ["author", "body", "kind", "prev", "sig", "time", "v"];
    private static readonly byte[][] EntryFieldsUtf8 = [.. EntryFields.Select(System.Text.Encoding.UTF8.GetBytes)];

    private readonly byte[] canonicalBytes;

    private LedgerEntry(string prev, string author, DateTimeOffset time, string kind, JsonElement body, string sig, byte[] canonicalBytes)
    {
        Prev = prev;
        Author = author;
        Time = time;
        Kind = kind;
        Body = body;
        Sig = sig;
        this.canonicalBytes = canonicalBytes;
        Hash = LedgerEncoding.Sha256Hex(canonicalBytes);
    }

    /// <summary>Hex SHA-256 of the previous entry's canonical bytes, or <see cref="GenesisPrev"/>.</summary>
    public string Prev { get; }

    /// <summary>The author's address (base58 Ed25519 public key).</summary>
    public string Author { get; }

    /// <summary>UTC, millisecond precision.</summary>
    public DateTimeOffset Time { get; }

    public string Kind { get; }

    /// <summary>The body as canonical JSON; parse it with <see cref="LedgerBody.Parse(LedgerEntry)"/>.</summary>
    public JsonElement Body { get; }

    /// <summary>Base64 Ed25519 signature by <see cref="Author"/> over <see cref="GetSignedBytes"/>.</summary>
    public string Sig { get; }

    /// <summary>Hex SHA-256 of <see cref="CanonicalBytes"/>.</summary>
    public string Hash { get; }

    /// <summary>1-based position in the chain when read from a ledger; null for an entry not yet appended.</summary>
    public long? Position { get; init; }

    /// <summary>The canonical JSON of the whole entry, exactly as stored and hashed.</summary>
    public ReadOnlyMemory<byte> CanonicalBytes => canonicalBytes;

    /// <summary>Formats a time as entries carry it, e.g. <c>2026-11-25T10:00:00.000Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Truncates to the millisecond precision entries carry.</summary>
    public static DateTimeOffset TruncateTime(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <exception cref="LedgerFormatException">The text is not an entry time.</exception>
    public static DateTimeOffset ParseTime(string text)
    {
        if (!DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new LedgerFormatException("Entry time must look like 2026-11-25T10:00:00.000Z.");
        }

        return time;
    }

    /// <summary>The bytes the author signs: canonical JSON of <c>{author, body, kind, prev, time, v}</c>.</summary>
    public static byte[] BuildSignedBytes(string prev, string author, DateTimeOffset time, string kind, JsonElement body) =>
        CanonicalJson.Serialize(SignedPart(prev, author, time, kind, body));

    /// <summary>Assembles an entry from its fields, checking each field's form (not the signature or rules).</summary>
    /// <exception cref="LedgerFormatException">A field is malformed.</exception>
    public static LedgerEntry Create(string prev, string author, DateTimeOffset time, string kind, JsonElement body, string sig)
    {
        CheckFields(prev, author, time, kind, body, sig);
        var whole = SignedPart(prev, author, time, kind, body);
        whole["sig"] = sig;
        var bytes = CanonicalJson.Serialize(whole);
        CheckSize(bytes.Length);
        return new LedgerEntry(prev, author, time, kind, CanonicalJson.Parse(CanonicalJson.Serialize(body)), sig, bytes);
    }

    /// <summary>Parses an entry from its stored canonical JSON; the bytes must be exactly canonical.</summary>
    /// <exception cref="LedgerFormatException">The bytes are not a well-formed canonical entry.</exception>
    public static LedgerEntry Parse(ReadOnlySpan<byte> canonicalUtf8, long? position = null)
    {
        CheckSize(canonicalUtf8.Length);
        CanonicalJsonValidator.Validate(canonicalUtf8);

        // The text is canonical JSON, so one forward read over the top level finds every field.
        var reader = new Utf8JsonReader(canonicalUtf8, CanonicalJsonValidator.ReaderOptions);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new LedgerFormatException("An entry is a JSON object.");
        }

        var fields = new EntryFieldValues();
        var index = 0;
        var namesMatch = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            namesMatch &= index < EntryFields.Length && reader.ValueTextEquals(EntryFieldsUtf8[index]);
            reader.Read();
            if (namesMatch)
            {
                fields.Read(index, ref reader);
            }
            else
            {
                reader.Skip();
            }

            index++;
        }

        if (!namesMatch || index != EntryFields.Length)
        {
            var names = CanonicalJson.ParseCanonical(canonicalUtf8).EnumerateObject().Select(p => p.Name);
            throw new LedgerFormatException($"An entry has exactly the fields {string.Join(", ", EntryFields)}; found {string.Join(", ", names)}.");
        }

        if (fields.Version != FormatVersion)
        {
            throw new LedgerFormatException($"Unsupported entry format version; expected {FormatVersion}.");
        }

        var prev = fields.RequireString(PrevField, "prev");
        var author = fields.RequireString(AuthorField, "author");
        var time = ParseTime(fields.RequireString(TimeField, "time"));
        var kind = fields.RequireString(KindField, "kind");
        var sig = fields.RequireString(SigField, "sig");
        CheckFields(prev, author, time, kind, fields.Body, sig);
        return new LedgerEntry(prev, author, time, kind, fields.Body, sig, canonicalUtf8.ToArray()) { Position = position };
    }

    /// <summary>The bytes <see cref="Sig"/> signs.</summary>
    /// <remarks>
    /// Cut from the canonical bytes: with sorted keys, dropping the top-level <c>sig</c> member leaves exactly the
    /// canonical signed part. That member is the last <c>,"sig":"</c> (only <c>time</c> and <c>v</c> follow it,
    /// and quotes inside strings are always escaped).
    /// </remarks>
    public byte[] GetSignedBytes()
    {
        var signed = new byte[SignedBytesLength];
        CopySignedBytesTo(signed);
        return signed;
    }

    /// <summary>The length of <see cref="GetSignedBytes"/>.</summary>
    public int SignedBytesLength => canonicalBytes.Length - SignatureMember().GetOffsetAndLength(canonicalBytes.Length).Length;

    /// <summary>Writes <see cref="GetSignedBytes"/> into <paramref name="destination"/>, which holds at least <see cref="SignedBytesLength"/> bytes.</summary>
    /// <returns>The number of bytes written.</returns>
    public int CopySignedBytesTo(Span<byte> destination)
    {
        var (start, length) = SignatureMember().GetOffsetAndLength(canonicalBytes.Length);
        var bytes = canonicalBytes.AsSpan();
        bytes[..start].CopyTo(destination);
        bytes[(start + length)..].CopyTo(destination[start..]);
        return bytes.Length - length;
    }

    /// <summary>The signature as bytes.</summary>
    public byte[] GetSignatureBytes() => Convert.FromBase64String(Sig);

    /// <summary>Whether <see cref="Sig"/> is the author's valid Ed25519 signature over the signed part.</summary>
    public bool VerifySignature() => Ed25519Address.Verify(Author, GetSignedBytes(), GetSignatureBytes());

    /// <summary>The canonical JSON as text.</summary>
    public string ToCanonicalString() => System.Text.Encoding.UTF8.GetString(canonicalBytes);

    public bool Equals(LedgerEntry? other) =>
        other is not null && Hash == other.Hash && Position == other.Position;

    public override int GetHashCode() => HashCode.Combine(Hash, Position);

    /// <summary>Where <c>,"sig":"…"</c> stands in the canonical bytes (see <see cref="GetSignedBytes"/>).</summary>
    private Range SignatureMember()
    {
        var bytes = canonicalBytes.AsSpan();
        var start = bytes.LastIndexOf(",\"sig\":\""u8);
        var end = bytes[(start + 8)..].IndexOf((byte)'"') + start + 8 + 1;
        return start..end;
    }

    private static JsonObject SignedPart(string prev, string author, DateTimeOffset time, string kind, JsonElement body) => new()
    {
        ["v"] = FormatVersion,
        ["prev"] = prev,
        ["author"] = author,
        ["time"] = FormatTime(time),
        ["kind"] = kind,
        ["body"] = body.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(body)
            : throw new LedgerFormatException("body must be a JSON object."),
    };

    private static void CheckFields(string prev, string author, DateTimeOffset time, string kind, JsonElement body, string sig)
    {
        if (!LedgerEncoding.IsSha256Hex(prev))
        {
            throw new LedgerFormatException("prev must be 64 lowercase hex digits.");
        }

        if (!Ed25519Address.IsValid(author))
        {
            throw new LedgerFormatException("author is not a base58 Ed25519 address.");
        }

        if (time.Offset != TimeSpan.Zero || time.Ticks % TimeSpan.TicksPerMillisecond != 0)
        {
            throw new LedgerFormatException("time must be UTC with millisecond precision.");
        }

        if (!LedgerEntryKinds.IsKnown(kind))
        {
            throw new LedgerFormatException("kind is not a known entry kind.");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new LedgerFormatException("body must be a JSON object.");
        }

        if (!LedgerEncoding.IsCanonicalBase64(sig, out var signatureLength) || signatureLength != Ed25519Address.SignatureLength)
        {
            throw new LedgerFormatException("sig must be the base64 of a 64-byte Ed25519 signature.");
        }
    }

    /// <summary>The top-level values of an entry as read, in field order.</summary>
    private sealed class EntryFieldValues
    {
        private readonly string?[] strings = new string?[EntryFields.Length];

        public int? Version { get; private set; }

        public JsonElement Body { get; private set; }

        public void Read(int field, ref Utf8JsonReader reader)
        {
            switch (field)
            {
                case BodyField:
                    Body = JsonElement.ParseValue(ref reader);
                    break;
                case VersionField:
                    Version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) ? v : null;
                    reader.Skip();
                    break;
                default:
                    strings[field] = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    reader.Skip();
                    break;
            }
        }

        public string RequireString(int field, string name) =>
            strings[field] ?? throw new LedgerFormatException($"{name} must be a string.");
    }

    private static void CheckSize(int length)
    {
        if (length > MaxCanonicalBytes)
        {
            throw new LedgerFormatException($"An entry is at most {MaxCanonicalBytes} bytes.");
        }
    }
}
