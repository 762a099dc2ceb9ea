using System.Text.Json;
using MedBlocks.Ipfs.Cids;

namespace MedBlocks.Ipfs.Rpc;

/// <summary>
/// Reads the JSON answers of Kubo and js-ipfs, which differ in small ways: <c>Size</c> is a string in
/// Kubo and a number in js-ipfs; <c>pin/ls</c> answers a <c>Keys</c> map or (streamed) one object per line;
/// <c>pin/add</c> and <c>pin/rm</c> answer CIDs in base58 or base32. CIDs are returned parsed, so any base is accepted.
/// </summary>
internal static class KuboAnswers
{
    /// <summary>An error body <c>{"Message","Code","Type":"error"}</c>; null when the text is not one.</summary>
    public static (string Message, int? Code)? ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return ReadError(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static (string Message, int? Code)? ReadError(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("Message", out var message) || message.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var isError = element.TryGetProperty("Type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "error";
        if (!isError && element.TryGetProperty("Hash", out _))
        {
            return null;
        }

        int? code = element.TryGetProperty("Code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
        return (message.GetString()!, code);
    }

    /// <summary>One line of <c>add</c>'s answer: a progress line (<c>Bytes</c>), the result (<c>Hash</c>), or an error.</summary>
    public static AddLine ReadAddLine(ReadOnlySpan<byte> line)
    {
        using var document = JsonDocument.Parse(line.ToArray());
        var root = document.RootElement;
        if (ReadError(root) is { } error)
        {
            return new AddLine(null, null, error.Message);
        }

        if (root.TryGetProperty("Hash", out var hash) && hash.ValueKind == JsonValueKind.String)
        {
            return new AddLine(ParseCid(hash.GetString()!), ReadNumber(root, "Size"), null);
        }

        return new AddLine(null, ReadNumber(root, "Bytes"), null);
    }

    /// <summary>The CIDs in a <c>pin/ls</c>, <c>pin/add</c> or <c>pin/rm</c> answer (whole or one line per pin).</summary>
    public static List<Cid> ReadPins(string body)
    {
        var pins = new List<Cid>();
        foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("Keys", out var keys) && keys.ValueKind == JsonValueKind.Object)
            {
                foreach (var key in keys.EnumerateObject())
                {
                    pins.Add(ParseCid(key.Name));
                }
            }
            else if (root.TryGetProperty("Pins", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    pins.Add(ParseCid(item.GetString() ?? string.Empty));
                }
            }
            else if (root.TryGetProperty("Cid", out var cid))
            {
                // Streamed pin/ls: {"Cid":"…","Type":"recursive"}; js-ipfs may nest it as {"/":"…"}.
                var text = cid.ValueKind == JsonValueKind.Object && cid.TryGetProperty("/", out var link) ? link.GetString() : cid.GetString();
                pins.Add(ParseCid(text ?? string.Empty));
            }
        }

        return pins;
    }

    public static IpfsNodeIdentity ReadIdentity(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var addresses = root.TryGetProperty("Addresses", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(a => a.GetString() ?? string.Empty).ToArray()
            : [];
        return new IpfsNodeIdentity(ReadString(root, "ID"), ReadString(root, "AgentVersion"), addresses);
    }

    public static IpfsNodeVersion ReadVersion(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        return new IpfsNodeVersion(ReadString(root, "Version"), ReadString(root, "Commit"), ReadString(root, "Repo"));
    }

    private static Cid ParseCid(string text) =>
        Cid.TryParse(text, out var cid) ? cid : throw new FormatException($"The node answered '{text}' where a CID was expected.");

    private static string ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => string.Empty,
        } : string.Empty;

    private static long? ReadNumber(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }

    internal readonly record struct AddLine(Cid? Hash, long? Bytes, string? Error);
}
