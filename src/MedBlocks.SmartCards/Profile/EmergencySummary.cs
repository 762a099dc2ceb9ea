using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using MedBlocks.Core.Participants;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// The card's emergency summary (minimal typed model, IPS sections): allergies with an explicit
/// "none known", medications, problems, resuscitation status, blood group (informational only),
/// contacts; author address and date. The signed form is the compact UTF-8 JSON followed by the
/// author's 64-byte Ed25519 signature over it; file 03 holds that, deflated.
/// </summary>
public sealed record EmergencySummary(
    bool AllergiesNoneKnown,
    IReadOnlyList<string> Allergies,
    IReadOnlyList<EmergencyMedication> Medications,
    IReadOnlyList<string> Problems,
    ResuscitationStatus Resuscitation,
    string? BloodGroup,
    IReadOnlyList<EmergencyContact> Contacts,
    string Author,
    DateOnly Date)
{
    public const int FormatVersion = 1;
    private const int MaxItems = 50;
    private const int MaxText = 200;
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The signed form: JSON ‖ Ed25519 signature by <paramref name="author"/>, whose address must be <see cref="Author"/>.</summary>
    public byte[] Sign(IEntrySigner author)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (author.Address != Author)
        {
            throw new ArgumentException("The signer is not the summary's author.", nameof(author));
        }

        var json = ToJsonBytes();
        return [.. json, .. author.Sign(json)];
    }

    /// <summary>Parses the signed form and verifies the author's signature.</summary>
    /// <exception cref="PatientCardException">BadSignature, or CorruptContent for a malformed summary.</exception>
    public static EmergencySummary ParseSigned(ReadOnlySpan<byte> signedSummary)
    {
        if (signedSummary.Length <= Ed25519Address.SignatureLength)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, "The emergency summary is too short to carry a signature.");
        }

        var json = signedSummary[..^Ed25519Address.SignatureLength];
        var summary = Parse(json);
        if (!Ed25519Address.Verify(summary.Author, json, signedSummary[^Ed25519Address.SignatureLength..]))
        {
            throw new PatientCardException(PatientCardError.BadSignature, "The emergency summary's author signature does not verify: do not rely on it.");
        }

        return summary;
    }

    public byte[] ToJsonBytes()
    {
        Validate();
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("v", FormatVersion);
            w.WriteStartObject("allergies");
            w.WriteBoolean("noneKnown", AllergiesNoneKnown);
            WriteStrings(w, "items", Allergies);
            w.WriteEndObject();
            w.WriteStartArray("medications");
            foreach (var m in Medications)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteString("dose", m.Dose);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteStrings(w, "problems", Problems);
            w.WriteString("resuscitation", ResuscitationCode(Resuscitation));
            if (BloodGroup is null)
            {
                w.WriteNull("bloodGroupInformational");
            }
            else
            {
                w.WriteString("bloodGroupInformational", BloodGroup);
            }

            w.WriteStartArray("contacts");
            foreach (var c in Contacts)
            {
                w.WriteStartObject();
                w.WriteString("name", c.Name);
                w.WriteString("relation", c.Relation);
                w.WriteString("phone", c.Phone);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("author", Author);
            w.WriteString("date", Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <exception cref="ArgumentException">A field breaks the format's rules.</exception>
    public void Validate()
    {
        if (AllergiesNoneKnown && Allergies.Count > 0)
        {
            throw new ArgumentException("Allergies cannot be both listed and 'none known'.", nameof(Allergies));
        }

        if (!Ed25519Address.IsValid(Author))
        {
            throw new ArgumentException("The author is not an Ed25519 address.", nameof(Author));
        }

        if (!Enum.IsDefined(Resuscitation))
        {
            throw new ArgumentException("Unknown resuscitation status.", nameof(Resuscitation));
        }

        IEnumerable<string?> texts = [.. Allergies, .. Problems, BloodGroup, .. Medications.SelectMany(m => new[] { m.Name, m.Dose }), .. Contacts.SelectMany(c => new[] { c.Name, c.Relation, c.Phone })];
        if (Allergies.Count > MaxItems || Problems.Count > MaxItems || Medications.Count > MaxItems || Contacts.Count > MaxItems
            || texts.Any(t => t is not null && (t.Length is 0 or > MaxText || t.Any(char.IsControl))))
        {
            throw new ArgumentException($"Lists hold at most {MaxItems} entries of 1..{MaxText} characters without control characters.");
        }
    }

    private static EmergencySummary Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
            var root = document.RootElement;
            Members(root, "v", "allergies", "medications", "problems", "resuscitation", "bloodGroupInformational", "contacts", "author", "date");
            if (root.GetProperty("v").GetInt32() != FormatVersion)
            {
                throw new FormatException($"expected v = {FormatVersion}.");
            }

            var allergies = root.GetProperty("allergies");
            Members(allergies, "noneKnown", "items");
            var blood = root.GetProperty("bloodGroupInformational");
            var summary = new EmergencySummary(
                allergies.GetProperty("noneKnown").GetBoolean(),
                Strings(allergies.GetProperty("items")),
                [.. root.GetProperty("medications").EnumerateArray().Select(m => { Members(m, "name", "dose"); return new EmergencyMedication(Text(m, "name"), Text(m, "dose")); })],
                Strings(root.GetProperty("problems")),
                ParseResuscitation(root.GetProperty("resuscitation").GetString()),
                blood.ValueKind == JsonValueKind.Null ? null : blood.GetString(),
                [.. root.GetProperty("contacts").EnumerateArray().Select(c => { Members(c, "name", "relation", "phone"); return new EmergencyContact(Text(c, "name"), Text(c, "relation"), Text(c, "phone")); })],
                Text(root, "author"),
                DateOnly.ParseExact(Text(root, "date"), "yyyy-MM-dd", CultureInfo.InvariantCulture));
            summary.Validate();
            return summary;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, $"The emergency summary is not valid: {e.Message}", e);
        }
    }

    private static void Members(JsonElement element, params string[] names)
    {
        var seen = element.EnumerateObject().Select(p => p.Name).ToList();
        if (seen.Count != names.Length || !names.All(seen.Contains))
        {
            throw new FormatException($"expected exactly the members {string.Join(", ", names)}.");
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null.");

    private static List<string> Strings(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.GetString() ?? throw new FormatException("a list holds null."))];

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static string ResuscitationCode(ResuscitationStatus status) => status switch
    {
        ResuscitationStatus.FullResuscitation => "full",
        ResuscitationStatus.DoNotResuscitate => "dnr",
        _ => "unknown",
    };

    private static ResuscitationStatus ParseResuscitation(string? code) => code switch
    {
        "full" => ResuscitationStatus.FullResuscitation,
        "dnr" => ResuscitationStatus.DoNotResuscitate,
        "unknown" => ResuscitationStatus.Unknown,
        _ => throw new FormatException("resuscitation must be full, dnr or unknown."),
    };
}
