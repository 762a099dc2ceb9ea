using System.Text.Json;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Ledger;

/// <summary>Strict field access over a body object: every field must be known, required fields present, forms checked.</summary>
internal sealed class BodyReader
{
    private readonly JsonElement body;
    private readonly string kind;

    private BodyReader(JsonElement body, string kind)
    {
        this.body = body;
        this.kind = kind;
    }

    public static BodyReader Open(JsonElement body, string kind, params string[] allowedFields)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new LedgerFormatException($"A {kind} body must be a JSON object.");
        }

        foreach (var property in body.EnumerateObject())
        {
            if (Array.IndexOf(allowedFields, property.Name) < 0)
            {
                throw new LedgerFormatException($"A {kind} body has no field '{property.Name}'.");
            }
        }

        return new BodyReader(body, kind);
    }

    public string RequiredString(string name, int maxLength)
    {
        if (!body.TryGetProperty(name, out var value))
        {
            throw Fail($"is missing '{name}'");
        }

        return ReadString(name, value, maxLength);
    }

    public string? OptionalString(string name, int maxLength) =>
        body.TryGetProperty(name, out var value) ? ReadString(name, value, maxLength) : null;

    public bool RequiredBool(string name)
    {
        if (!body.TryGetProperty(name, out var value))
        {
            throw Fail($"is missing '{name}'");
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail($"'{name}' must be true or false"),
        };
    }

    /// <summary>An optional flag that, when present, must be <c>true</c> (absence is the one spelling of false).</summary>
    public bool OptionalTrueFlag(string name)
    {
        if (!body.TryGetProperty(name, out var value))
        {
            return false;
        }

        return value.ValueKind == JsonValueKind.True ? true : throw Fail($"'{name}' is either absent or true");
    }

    public string RequiredAddress(string name)
    {
        var value = RequiredString(name, 64);
        return Ed25519Address.IsValid(value) ? value : throw Fail($"'{name}' is not a base58 Ed25519 address");
    }

    public string RequiredSha256Hex(string name)
    {
        var value = RequiredString(name, LedgerEncoding.Sha256HexLength);
        return LedgerEncoding.IsSha256Hex(value) ? value : throw Fail($"'{name}' must be 64 lowercase hex digits");
    }

    public string? OptionalSha256Hex(string name)
    {
        var value = OptionalString(name, LedgerEncoding.Sha256HexLength);
        return value is null || LedgerEncoding.IsSha256Hex(value) ? value : throw Fail($"'{name}' must be 64 lowercase hex digits");
    }

    public string RequiredBase64(string name, int maxLength)
    {
        var value = RequiredString(name, maxLength);
        return CheckBase64(name, value);
    }

    public string? OptionalBase64(string name, int maxLength)
    {
        var value = OptionalString(name, maxLength);
        return value is null ? null : CheckBase64(name, value);
    }

    /// <summary>An object mapping addresses to canonical base64 values, at least one member.</summary>
    public IReadOnlyDictionary<string, string> RequiredAddressMap(string name, int maxMembers, int maxValueLength)
    {
        if (!body.TryGetProperty(name, out var value))
        {
            throw Fail($"is missing '{name}'");
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"'{name}' must be an object of address to base64");
        }

        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            if (!Ed25519Address.IsValid(member.Name))
            {
                throw Fail($"'{name}' has a member that is not a base58 Ed25519 address");
            }

            map[member.Name] = CheckBase64($"{name}.{member.Name}", ReadString(name, member.Value, maxValueLength));
        }

        if (map.Count == 0 || map.Count > maxMembers)
        {
            throw Fail($"'{name}' holds between 1 and {maxMembers} members");
        }

        return map;
    }

    private string ReadString(string name, JsonElement value, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw Fail($"'{name}' must be a string");
        }

        var text = value.GetString()!;
        if (text.Length == 0 || text.Length > maxLength)
        {
            throw Fail($"'{name}' must hold 1 to {maxLength} characters");
        }

        return text;
    }

    private string CheckBase64(string name, string value) =>
        LedgerEncoding.IsCanonicalBase64(value, out _) ? value : throw Fail($"'{name}' must be canonical base64");

    private LedgerFormatException Fail(string problem) => new($"A {kind} body {problem}.");
}
