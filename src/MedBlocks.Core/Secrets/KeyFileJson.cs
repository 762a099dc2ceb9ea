using System.Text.Json;

namespace MedBlocks.Core.Secrets;

/// <summary>Strict reading of sealed key files: every missing or mistyped field is a <see cref="KeyFileFormatException"/> naming it.</summary>
internal static class KeyFileJson
{
    /// <summary>Key files are a few kilobytes; anything far larger is not one.</summary>
    public const int MaxLength = 64 * 1024;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 8,
    };

    public static JsonDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            throw new KeyFileFormatException($"The key file is {json.Length} characters; at most {MaxLength} are accepted.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new KeyFileFormatException($"The key file is not valid JSON: {e.Message}", e);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new KeyFileFormatException("The key file is not a JSON object.");
        }

        return document;
    }

    public static JsonElement GetProperty(JsonElement parent, string name, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new KeyFileFormatException($"The key file has no '{name}'.");
        }

        if (value.ValueKind != kind)
        {
            throw new KeyFileFormatException($"'{name}' in the key file is {value.ValueKind}, expected {kind}.");
        }

        return value;
    }

    public static string GetString(JsonElement parent, string name) =>
        GetProperty(parent, name, JsonValueKind.String).GetString()!;

    public static int GetInt32(JsonElement parent, string name)
    {
        var value = GetProperty(parent, name, JsonValueKind.Number);
        return value.TryGetInt32(out var number)
            ? number
            : throw new KeyFileFormatException($"'{name}' in the key file is not a 32-bit integer.");
    }

    public static byte[] GetBase64(JsonElement parent, string name)
    {
        var value = GetProperty(parent, name, JsonValueKind.String);
        return value.TryGetBytesFromBase64(out var bytes)
            ? bytes
            : throw new KeyFileFormatException($"'{name}' in the key file is not base64.");
    }

    public static void RequireVersion(JsonElement root, int expected)
    {
        var version = GetInt32(root, "v");
        if (version != expected)
        {
            throw new KeyFileFormatException($"Key file version {version} is not supported (expected {expected}).");
        }
    }
}
