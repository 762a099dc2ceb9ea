using System.Text.Json;
using System.Text.Unicode;

namespace MedBlocks.Core.Ledger;

/// <summary>
/// Checks in one read, without building a document or re-serialising, that UTF-8 JSON is exactly the canonical
/// form <see cref="CanonicalJson"/> writes: no whitespace, members in UTF-16 code-unit order without duplicates,
/// JCS string escapes only, integers within ±(2^53 − 1), valid UTF-8 without lone surrogates.
/// </summary>
/// <remarks>
/// Failures are reported as parse-then-compare reports them: malformed JSON first, then a value that cannot be
/// canonical (a non-integer or unsafe number, a broken string), then any other departure from canonical form.
/// </remarks>
internal static class CanonicalJsonValidator
{
    public const int MaxDepth = 32;

    public static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = MaxDepth,
    };

    /// <exception cref="LedgerFormatException">The text is malformed or not canonical.</exception>
    public static void Validate(ReadOnlySpan<byte> utf8)
    {
        Span<int> nameStarts = stackalloc int[MaxDepth + 2];
        Span<int> nameLengths = stackalloc int[MaxDepth + 2];
        Span<bool> namesSimple = stackalloc bool[MaxDepth + 2];
        var scan = new Scan(utf8, nameStarts, nameLengths, namesSimple);
        try
        {
            scan.Run();
        }
        catch (JsonException ex)
        {
            throw new LedgerFormatException($"Malformed JSON: {ex.Message}", ex);
        }

        if (scan.DuplicateName)
        {
            throw new LedgerFormatException("Malformed JSON: an object holds the same property name twice.");
        }

        if (scan.ValueError is not null)
        {
            throw new LedgerFormatException(scan.ValueError);
        }

        if (!scan.Canonical)
        {
            throw new LedgerFormatException("JSON is not in canonical form.");
        }
    }

    /// <summary>Checks one integer token as <see cref="CanonicalJson"/> accepts it.</summary>
    /// <returns>Null when it is a canonical safe integer, else the reason.</returns>
    public static string? CheckInteger(ReadOnlySpan<byte> raw)
    {
        var digits = raw.Length > 0 && raw[0] == (byte)'-' ? raw[1..] : raw;
        var wellFormed = digits.Length is > 0 and <= 16
            && !(digits.Length > 1 && digits[0] == (byte)'0')
            && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && !(raw.Length == 2 && raw[0] == (byte)'-' && raw[1] == (byte)'0');
        if (!wellFormed)
        {
            var text = System.Text.Encoding.UTF8.GetString(raw);
            return $"Only integers are allowed in canonical JSON, found {(text.Length <= 24 ? text : text[..24] + "…")}.";
        }

        long value = 0;
        foreach (var digit in digits)
        {
            value = value * 10 + (digit - '0');
        }

        return value > CanonicalJson.MaxSafeInteger ? "Integer outside ±(2^53 − 1)." : null;
    }

    private ref struct Scan
    {
        private readonly ReadOnlySpan<byte> utf8;
        private Utf8JsonReader reader;

        // Previous member name (start and length of its raw text) per depth; length -1 before the first member.
        private readonly Span<int> nameStart;
        private readonly Span<int> nameLength;
        private readonly Span<bool> nameSimple;
        private int end;

        public Scan(ReadOnlySpan<byte> utf8, Span<int> nameStart, Span<int> nameLength, Span<bool> nameSimple)
        {
            this.utf8 = utf8;
            this.nameStart = nameStart;
            this.nameLength = nameLength;
            this.nameSimple = nameSimple;
            reader = new Utf8JsonReader(utf8, ReaderOptions);
            end = 0;
            Canonical = true;
        }

        public bool Canonical { get; private set; }

        public bool DuplicateName { get; private set; }

        public string? ValueError { get; private set; }

        public void Run()
        {
            while (reader.Read())
            {
                var start = checked((int)reader.TokenStartIndex);
                CheckSeparator(utf8[end..start]);
                var raw = reader.ValueSpan;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        nameLength[reader.CurrentDepth + 1] = -1;
                        end = start + 1;
                        break;
                    case JsonTokenType.PropertyName:
                        CheckString(raw);
                        CheckOrder(start + 1, raw.Length);
                        end = start + raw.Length + 2;
                        break;
                    case JsonTokenType.String:
                        CheckString(raw);
                        end = start + raw.Length + 2;
                        break;
                    case JsonTokenType.Number:
                        ValueError ??= CheckInteger(raw);
                        end = start + raw.Length;
                        break;
                    case JsonTokenType.StartArray or JsonTokenType.EndArray or JsonTokenType.EndObject:
                        end = start + 1;
                        break;
                    default:
                        // The literals true, false, null: the reader accepts only their one spelling.
                        end = start + raw.Length;
                        break;
                }
            }

            if (end != utf8.Length)
            {
                Canonical = false;
            }
        }

        /// <summary>Between two tokens only the one separator the grammar requires may stand.</summary>
        private void CheckSeparator(ReadOnlySpan<byte> gap)
        {
            if (gap.Length > 1 || (gap.Length == 1 && gap[0] is not ((byte)',' or (byte)':')))
            {
                Canonical = false;
            }
        }

        private void CheckString(ReadOnlySpan<byte> raw)
        {
            if (!Utf8.IsValid(raw))
            {
                ValueError ??= "Malformed JSON string: invalid UTF-8.";
                return;
            }

            var i = raw.IndexOf((byte)'\\');
            while (i >= 0)
            {
                var escape = raw[i + 1];
                var length = 2;
                switch (escape)
                {
                    case (byte)'"' or (byte)'\\' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                        break;
                    case (byte)'u':
                        length = CheckUnicodeEscape(raw, i);
                        break;
                    default:
                        // "\/": canonical form writes the solidus as is.
                        Canonical = false;
                        break;
                }

                var next = raw[(i + length)..].IndexOf((byte)'\\');
                i = next < 0 ? -1 : i + length + next;
            }
        }

        /// <summary>Checks the <c>\uXXXX</c> escape at <paramref name="at"/>; returns the length of what it consumed.</summary>
        private int CheckUnicodeEscape(ReadOnlySpan<byte> raw, int at)
        {
            var value = HexValue(raw.Slice(at + 2, 4));
            if (char.IsHighSurrogate((char)value))
            {
                var low = raw.Length >= at + 12 && raw[at + 6] == (byte)'\\' && raw[at + 7] == (byte)'u'
                    ? HexValue(raw.Slice(at + 8, 4))
                    : -1;
                if (low < 0 || !char.IsLowSurrogate((char)low))
                {
                    ValueError ??= "Malformed JSON string: a lone surrogate.";
                    return 6;
                }

                // A pair is written as UTF-8, never escaped.
                Canonical = false;
                return 12;
            }

            if (char.IsLowSurrogate((char)value))
            {
                ValueError ??= "Malformed JSON string: a lone surrogate.";
                return 6;
            }

            // Only control characters without a short escape are written \u00xx, in lowercase hex.
            var hasShortForm = value is '\b' or '\t' or '\n' or '\f' or '\r';
            var lowercase = raw[at + 2] == (byte)'0' && raw[at + 3] == (byte)'0'
                && raw[at + 4] is >= (byte)'0' and <= (byte)'1'
                && raw[at + 5] is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f');
            if (value >= 0x20 || hasShortForm || !lowercase)
            {
                Canonical = false;
            }

            return 6;
        }

        /// <summary>Members must come in strictly ascending UTF-16 code-unit order of their names.</summary>
        private void CheckOrder(int start, int length)
        {
            var depth = reader.CurrentDepth;
            var name = utf8.Slice(start, length);
            var simple = !reader.ValueIsEscaped && !name.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E);
            if (nameLength[depth] >= 0)
            {
                var previous = utf8.Slice(nameStart[depth], nameLength[depth]);
                int order;
                if (simple && nameSimple[depth])
                {
                    // ASCII without escapes: byte order is UTF-16 order.
                    order = previous.SequenceCompareTo(name);
                }
                else
                {
                    var previousText = Unescape(previous);
                    var text = Unescape(name);
                    order = previousText is null || text is null ? -1 : string.CompareOrdinal(previousText, text);
                }

                if (order == 0)
                {
                    DuplicateName = true;
                }
                else if (order > 0)
                {
                    Canonical = false;
                }
            }

            nameStart[depth] = start;
            nameLength[depth] = length;
            nameSimple[depth] = simple;
        }

        /// <summary>The text of a raw string; null if it is broken (already reported).</summary>
        private static string? Unescape(ReadOnlySpan<byte> raw)
        {
            var quoted = new byte[raw.Length + 2];
            quoted[0] = (byte)'"';
            raw.CopyTo(quoted.AsSpan(1));
            quoted[^1] = (byte)'"';
            var single = new Utf8JsonReader(quoted);
            try
            {
                return single.Read() ? single.GetString() : null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        private static int HexValue(ReadOnlySpan<byte> hex)
        {
            var value = 0;
            foreach (var c in hex)
            {
                value = value * 16 + c switch
                {
                    >= (byte)'0' and <= (byte)'9' => c - '0',
                    >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                    _ => c - 'A' + 10,
                };
            }

            return value;
        }
    }
}
