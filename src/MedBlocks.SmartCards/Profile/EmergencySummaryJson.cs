using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Wire format of the emergency summary (file 03, before signing and deflate): compact UTF-8 JSON.
/// Version 2 (written): members in a fixed order; a list section is absent (not recorded), the
/// string <c>"noneKnown"</c>, or a non-empty array; other absent members mean "not recorded".
/// Version 1 (read only): <c>allergies{noneKnown,items}</c>, <c>medications</c>, <c>problems</c>,
/// <c>resuscitation</c>, <c>bloodGroupInformational</c>, <c>contacts</c>, <c>author</c>, <c>date</c>.
/// Parsing is strict: unknown or repeated members are rejected.
/// </summary>
public static class EmergencySummaryJson
{
    public const int CurrentVersion = 2;
    public const string NoneKnown = "noneKnown";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] V2Members =
    [
        "v", "allergies", "medications", "problems", "devices", "pregnancy", "resuscitation", "advanceDirective",
        "organDonation", "bloodGroupInformational", "contacts", "baseline", "author", "date",
    ];

    private static readonly string[] V1Members = ["v", "allergies", "medications", "problems", "resuscitation", "bloodGroupInformational", "contacts", "author", "date"];

    /// <summary>The version-2 JSON of a summary (the caller validates it).</summary>
    public static byte[] Write(EmergencySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteNumber("v", CurrentVersion);
            WriteSection(w, "allergies", summary.AllergiesNoneKnown, summary.Allergies, WriteAllergy);
            WriteSection(w, "medications", summary.MedicationsNoneKnown, summary.Medications, (w, m) =>
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteString("dose", m.Dose);
                w.WriteEndObject();
            });
            WriteSection(w, "problems", summary.ProblemsNoneKnown, summary.Problems, (w, p) => w.WriteStringValue(p));
            WriteSection(w, "devices", summary.DevicesNoneKnown, summary.Devices, (w, d) => w.WriteStringValue(d));
            WriteOptional(w, "pregnancy", summary.Pregnancy switch
            {
                PregnancyStatus.NotPregnant => "notPregnant",
                PregnancyStatus.Pregnant => "pregnant",
                PregnancyStatus.Unknown => "unknown",
                _ => null,
            });
            WriteOptional(w, "resuscitation", summary.Resuscitation switch
            {
                ResuscitationStatus.FullResuscitation => "full",
                ResuscitationStatus.DoNotResuscitate => "dnr",
                _ => null,
            });
            WriteOptional(w, "advanceDirective", summary.AdvanceDirective);
            WriteOptional(w, "organDonation", summary.OrganDonation switch
            {
                OrganDonation.Donor => "donor",
                OrganDonation.NotDonor => "notDonor",
                _ => null,
            });
            WriteOptional(w, "bloodGroupInformational", summary.BloodGroup);
            if (summary.Contacts.Count > 0)
            {
                w.WriteStartArray("contacts");
                foreach (var c in summary.Contacts)
                {
                    w.WriteStartObject();
                    w.WriteString("name", c.Name);
                    w.WriteString("relation", c.Relation);
                    w.WriteString("phone", c.Phone);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            WriteBaseline(w, summary.Baseline);
            w.WriteString("author", summary.Author);
            w.WriteString("date", summary.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Parses version 1 or 2 and validates the result.</summary>
    /// <exception cref="PatientCardException">CorruptContent: malformed, unknown version, or a rule broken.</exception>
    public static EmergencySummary Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
            var root = document.RootElement;
            var version = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("v", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
            var summary = version switch
            {
                1 => ParseV1(root),
                2 => ParseV2(root),
                _ => throw new FormatException($"unknown format version (this reader knows 1 and {CurrentVersion})."),
            };
            summary.Validate();
            return summary;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, $"The emergency summary is not valid: {e.Message}", e);
        }
    }

    private static EmergencySummary ParseV2(JsonElement root)
    {
        var members = Members(root, V2Members, "v", "author", "date");
        var (allergiesNone, allergies) = Section(members, "allergies", ParseAllergy);
        var (medicationsNone, medications) = Section(members, "medications", m =>
        {
            Members(m, ["name", "dose"], "name", "dose");
            return new EmergencyMedication(Text(m, "name"), Text(m, "dose"));
        });
        var (problemsNone, problems) = Section(members, "problems", Text);
        var (devicesNone, devices) = Section(members, "devices", Text);
        return new EmergencySummary(
            allergiesNone,
            allergies,
            medications,
            problems,
            Code(members, "resuscitation", ResuscitationStatus.Unknown, ("full", ResuscitationStatus.FullResuscitation), ("dnr", ResuscitationStatus.DoNotResuscitate)),
            OptionalText(members, "bloodGroupInformational"),
            members.TryGetValue("contacts", out var contacts) ? NonEmpty(contacts, "contacts", ParseContact) : [],
            Text(members["author"]),
            ParseDate(members["date"]))
        {
            MedicationsNoneKnown = medicationsNone,
            ProblemsNoneKnown = problemsNone,
            Devices = devices,
            DevicesNoneKnown = devicesNone,
            Pregnancy = Code(members, "pregnancy", PregnancyStatus.NotRecorded, ("notPregnant", PregnancyStatus.NotPregnant), ("pregnant", PregnancyStatus.Pregnant), ("unknown", PregnancyStatus.Unknown)),
            AdvanceDirective = OptionalText(members, "advanceDirective"),
            OrganDonation = Code(members, "organDonation", OrganDonation.NotRecorded, ("donor", OrganDonation.Donor), ("notDonor", OrganDonation.NotDonor)),
            Baseline = members.TryGetValue("baseline", out var baseline) ? ParseBaseline(baseline) : EmergencyBaseline.None,
        };
    }

    private static EmergencySummary ParseV1(JsonElement root)
    {
        var members = Members(root, V1Members, V1Members);
        var allergies = Members(members["allergies"], ["noneKnown", "items"], "noneKnown", "items");
        var blood = members["bloodGroupInformational"];
        return new EmergencySummary(
            allergies["noneKnown"].GetBoolean(),
            [.. allergies["items"].EnumerateArray().Select(e => EmergencyAllergy.FromSubstance(Text(e)))],
            [.. members["medications"].EnumerateArray().Select(m =>
            {
                Members(m, ["name", "dose"], "name", "dose");
                return new EmergencyMedication(Text(m, "name"), Text(m, "dose"));
            })],
            [.. members["problems"].EnumerateArray().Select(Text)],
            members["resuscitation"].GetString() switch
            {
                "full" => ResuscitationStatus.FullResuscitation,
                "dnr" => ResuscitationStatus.DoNotResuscitate,
                "unknown" => ResuscitationStatus.Unknown,
                _ => throw new FormatException("resuscitation must be full, dnr or unknown."),
            },
            blood.ValueKind == JsonValueKind.Null ? null : Text(blood),
            [.. members["contacts"].EnumerateArray().Select(ParseContact)],
            Text(members["author"]),
            ParseDate(members["date"]));
    }

    private static EmergencyAllergy ParseAllergy(JsonElement a)
    {
        var members = Members(a, ["substance", "reaction", "criticality", "type"], "substance");
        return new EmergencyAllergy(
            Text(members["substance"]),
            OptionalText(members, "reaction"),
            Code(members, "criticality", AllergyCriticality.NotAssessed, ("low", AllergyCriticality.Low), ("high", AllergyCriticality.High)),
            Code(members, "type", false, ("intolerance", true)));
    }

    private static EmergencyContact ParseContact(JsonElement c)
    {
        Members(c, ["name", "relation", "phone"], "name", "relation", "phone");
        return new EmergencyContact(Text(c, "name"), Text(c, "relation"), Text(c, "phone"));
    }

    private static EmergencyBaseline ParseBaseline(JsonElement b)
    {
        var members = Members(b, ["systolic", "diastolic", "heartRate", "spo2", "weightKg", "egfr"]);
        if (members.Count == 0)
        {
            throw new FormatException("baseline is empty (omit it instead).");
        }

        int? Int(string name) => members.TryGetValue(name, out var e) ? e.GetInt32() : null;
        return new EmergencyBaseline(Int("systolic"), Int("diastolic"), Int("heartRate"), Int("spo2"), members.TryGetValue("weightKg", out var w) ? w.GetDecimal() : null, Int("egfr"));
    }

    private static void WriteAllergy(Utf8JsonWriter w, EmergencyAllergy a)
    {
        w.WriteStartObject();
        w.WriteString("substance", a.Substance);
        WriteOptional(w, "reaction", a.Reaction);
        WriteOptional(w, "criticality", a.Criticality switch
        {
            AllergyCriticality.Low => "low",
            AllergyCriticality.High => "high",
            _ => null,
        });
        WriteOptional(w, "type", a.Intolerance ? "intolerance" : null);
        w.WriteEndObject();
    }

    private static void WriteBaseline(Utf8JsonWriter w, EmergencyBaseline b)
    {
        if (b.IsEmpty)
        {
            return;
        }

        w.WriteStartObject("baseline");
        WriteNumber(w, "systolic", b.SystolicMmHg);
        WriteNumber(w, "diastolic", b.DiastolicMmHg);
        WriteNumber(w, "heartRate", b.HeartRatePerMinute);
        WriteNumber(w, "spo2", b.SpO2Percent);
        if (b.WeightKg is { } weight)
        {
            w.WriteNumber("weightKg", weight);
        }

        WriteNumber(w, "egfr", b.Egfr);
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteSection<T>(Utf8JsonWriter w, string name, bool noneKnown, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (noneKnown)
        {
            w.WriteString(name, NoneKnown);
        }
        else if (items.Count > 0)
        {
            w.WriteStartArray(name);
            foreach (var item in items)
            {
                writeItem(w, item);
            }

            w.WriteEndArray();
        }
    }

    private static (bool NoneKnown, List<T> Items) Section<T>(Dictionary<string, JsonElement> members, string name, Func<JsonElement, T> parseItem)
    {
        if (!members.TryGetValue(name, out var section))
        {
            return (false, []);
        }

        if (section.ValueKind == JsonValueKind.String)
        {
            return section.GetString() == NoneKnown ? (true, []) : throw new FormatException($"{name} is \"{NoneKnown}\" or a list.");
        }

        return (false, NonEmpty(section, name, parseItem));
    }

    private static List<T> NonEmpty<T>(JsonElement array, string name, Func<JsonElement, T> parseItem)
    {
        List<T> items = [.. array.EnumerateArray().Select(parseItem)];
        return items.Count > 0 ? items : throw new FormatException($"{name} is an empty list (omit it instead).");
    }

    private static T Code<T>(Dictionary<string, JsonElement> members, string name, T absent, params (string Code, T Value)[] codes)
    {
        if (!members.TryGetValue(name, out var element))
        {
            return absent;
        }

        var code = Text(element);
        foreach (var (known, value) in codes)
        {
            if (code == known)
            {
                return value;
            }
        }

        throw new FormatException($"{name} must be one of {string.Join(", ", codes.Select(c => c.Code))}.");
    }

    /// <summary>The members of an object: each at most once, only <paramref name="allowed"/>, all of <paramref name="required"/>.</summary>
    private static Dictionary<string, JsonElement> Members(JsonElement element, string[] allowed, params string[] required)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("expected an object.");
        }

        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0 || !members.TryAdd(property.Name, property.Value))
            {
                throw new FormatException($"unexpected or repeated member \"{property.Name}\".");
            }
        }

        var missing = required.Where(r => !members.ContainsKey(r)).ToList();
        return missing.Count == 0 ? members : throw new FormatException($"missing {string.Join(", ", missing)}.");
    }

    private static string? OptionalText(Dictionary<string, JsonElement> members, string name) =>
        members.TryGetValue(name, out var element) ? Text(element) : null;

    private static string Text(JsonElement element, string name) => Text(element.GetProperty(name));

    private static string Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new FormatException("expected a string.");

    private static DateOnly ParseDate(JsonElement element) => DateOnly.ParseExact(Text(element), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
