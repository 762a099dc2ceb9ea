using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedBlocks.Core.Ledger;

/// <summary>
/// Canonical JSON as signed on the ledger: RFC 8785 (JCS) member ordering by UTF-16 code units,
/// no whitespace, UTF-8, JCS string escaping. Numbers are restricted to integers within
/// ±(2^53 − 1), where JCS and plain decimal notation agree; anything else is rejected.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Largest integer every JSON reader represents exactly (2^53 − 1).</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    private const int MaxDepth = CanonicalJsonValidator.MaxDepth;

    private static readonly JsonDocumentOptions StrictOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
    };

    /// <summary>Parses JSON strictly: no comments, no trailing commas, no duplicate keys, integers only.</summary>
    /// <returns>A standalone element (no document to dispose).</returns>
    /// <exception cref="LedgerFormatException">The text is not such JSON.</exception>
    public static JsonElement Parse(ReadOnlySpan<byte> utf8)
    {
        JsonElement root;
        try
        {
            // Copy: JsonDocument keeps a reference to the memory it parses.
            using var document = JsonDocument.Parse(utf8.ToArray(), StrictOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new LedgerFormatException($"Malformed JSON: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // The duplicate-name check unescapes names and so meets unpaired surrogate escapes while parsing.
            throw new LedgerFormatException($"Malformed JSON string: {ex.Message}", ex);
        }

        try
        {
            // Serialising walks every value and rejects floats and lone surrogates.
            _ = Serialize(root);
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json reports invalid UTF-8 and unpaired surrogate escapes only when a string is read.
            throw new LedgerFormatException($"Malformed JSON string: {ex.Message}", ex);
        }
        return root;
    }

    /// <summary>Parses UTF-8 JSON that must already be in canonical form (as stored and signed).</summary>
    /// <exception cref="LedgerFormatException">The text is malformed or not canonical.</exception>
    public static JsonElement ParseCanonical(ReadOnlySpan<byte> utf8)
    {
        CanonicalJsonValidator.Validate(utf8);
        return JsonElement.Parse(utf8, StrictOptions);
    }

    /// <exception cref="LedgerFormatException">The value holds a non-integer number or a lone surrogate.</exception>
    public static byte[] Serialize(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, value, 0);
        return buffer.WrittenSpan.ToArray();
    }

    /// <exception cref="LedgerFormatException">The value holds a non-integer number, a null, or a lone surrogate.</exception>
    public static byte[] Serialize(JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, value, 0);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The canonical form as a standalone element.</summary>
    public static JsonElement ToElement(JsonNode value) => Parse(Serialize(value));

    private static void Write(ArrayBufferWriter<byte> output, JsonElement value, int depth)
    {
        CheckDepth(depth);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(output, value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value)), static (o, v, d) => Write(o, v, d), depth);
                break;
            case JsonValueKind.Array:
                WriteByte(output, (byte)'[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        WriteByte(output, (byte)',');
                    }

                    first = false;
                    Write(output, item, depth + 1);
                }

                WriteByte(output, (byte)']');
                break;
            case JsonValueKind.String:
                WriteString(output, value.GetString()!);
                break;
            case JsonValueKind.Number:
                WriteInteger(output, ParseInteger(value.GetRawText()));
                break;
            case JsonValueKind.True:
                WriteAscii(output, "true");
                break;
            case JsonValueKind.False:
                WriteAscii(output, "false");
                break;
            case JsonValueKind.Null:
                WriteAscii(output, "null");
                break;
            default:
                throw new LedgerFormatException($"Unexpected JSON value kind {value.ValueKind}.");
        }
    }

    private static void Write(ArrayBufferWriter<byte> output, JsonNode? value, int depth)
    {
        CheckDepth(depth);
        switch (value)
        {
            case null:
                WriteAscii(output, "null");
                break;
            case JsonObject obj:
                WriteObject(output, obj, static (o, v, d) => Write(o, v, d), depth);
                break;
            case JsonArray array:
                WriteByte(output, (byte)'[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        WriteByte(output, (byte)',');
                    }

                    Write(output, array[i], depth + 1);
                }

                WriteByte(output, (byte)']');
                break;
            case JsonValue leaf:
                WriteLeaf(output, leaf, depth);
                break;
            default:
                throw new LedgerFormatException("Unexpected JSON node.");
        }
    }

    /// <summary>Members in ordinal key order (RFC 8785), whichever JSON model holds them.</summary>
    private static void WriteObject<T>(
        ArrayBufferWriter<byte> output,
        IEnumerable<KeyValuePair<string, T>> members,
        Action<ArrayBufferWriter<byte>, T, int> writeValue,
        int depth)
    {
        var sorted = members.ToList();
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        WriteByte(output, (byte)'{');
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i > 0)
            {
                WriteByte(output, (byte)',');
            }

            WriteString(output, sorted[i].Key);
            WriteByte(output, (byte)':');
            writeValue(output, sorted[i].Value, depth + 1);
        }

        WriteByte(output, (byte)'}');
    }

    private static void WriteLeaf(ArrayBufferWriter<byte> output, JsonValue leaf, int depth)
    {
        if (leaf.TryGetValue<JsonElement>(out var element))
        {
            Write(output, element, depth);
            return;
        }

        if (leaf.TryGetValue<string>(out var text))
        {
            WriteString(output, text);
        }
        else if (leaf.TryGetValue<bool>(out var flag))
        {
            WriteAscii(output, flag ? "true" : "false");
        }
        else if (leaf.TryGetValue<long>(out var number))
        {
            WriteInteger(output, CheckRange(number));
        }
        else if (leaf.TryGetValue<int>(out var small))
        {
            WriteInteger(output, small);
        }
        else
        {
            throw new LedgerFormatException("Only strings, booleans, integers and null may appear in canonical JSON.");
        }
    }

    private static long ParseInteger(string raw)
    {
        var problem = CanonicalJsonValidator.CheckInteger(System.Text.Encoding.UTF8.GetBytes(raw));
        return problem is null
            ? long.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : throw new LedgerFormatException(problem);
    }

    private static long CheckRange(long value) =>
        value is > MaxSafeInteger or < -MaxSafeInteger
            ? throw new LedgerFormatException("Integer outside ±(2^53 − 1).")
            : value;

    private static void WriteInteger(ArrayBufferWriter<byte> output, long value) =>
        WriteAscii(output, value.ToString(CultureInfo.InvariantCulture));

    private static void WriteString(ArrayBufferWriter<byte> output, string value)
    {
        WriteByte(output, (byte)'"');
        var runStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                < ' ' => "\\u00" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => null,
            };

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    throw new LedgerFormatException("String holds a lone surrogate.");
                }

                i++;
                continue;
            }

            if (char.IsLowSurrogate(c))
            {
                throw new LedgerFormatException("String holds a lone surrogate.");
            }

            if (escape is not null)
            {
                WriteUtf8(output, value.AsSpan(runStart, i - runStart));
                WriteAscii(output, escape);
                runStart = i + 1;
            }
        }

        WriteUtf8(output, value.AsSpan(runStart));
        WriteByte(output, (byte)'"');
    }

    private static void WriteUtf8(ArrayBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = output.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(System.Text.Encoding.UTF8.GetBytes(text, span));
    }

    private static void WriteAscii(ArrayBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        output.Advance(text.Length);
    }

    private static void WriteByte(ArrayBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    private static void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw new LedgerFormatException("JSON nests too deeply.");
        }
    }

}
