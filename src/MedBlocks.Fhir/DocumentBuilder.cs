using Hl7.Fhir.Model;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Fhir;

/// <summary>Collects the entries of one IPS document Bundle, each with a fresh <c>urn:uuid</c> full URL.</summary>
internal sealed class DocumentBuilder
{
    private readonly List<Bundle.EntryComponent> _entries = [];
    private readonly Composition _composition;

    public DocumentBuilder(Patient subject, EmergencySummary summary)
    {
        _composition = new Composition
        {
            Status = CompositionStatus.Final,
            Type = FhirCodes.Concept(FhirCodes.Loinc, FhirCodes.PatientSummaryDocument, "Patient summary Document"),
            Date = PatientMapping.Date(summary.Date),
            Title = "Emergency summary (International Patient Summary)",
        };
        _entries.Add(new Bundle.EntryComponent { FullUrl = NewUrl(), Resource = _composition });
        Patient = Entry(subject);
        Author = Entry(new Practitioner { Identifier = [new Identifier(FhirCodes.AddressSystem, summary.Author)] });
        _composition.Subject = Patient;
        _composition.Author = [Author];
    }

    public ResourceReference Patient { get; }

    public ResourceReference Author { get; }

    /// <summary>Adds an entry that no section lists directly (a Device used by a DeviceUseStatement).</summary>
    public ResourceReference Entry(Resource resource)
    {
        var url = NewUrl();
        _entries.Add(new Bundle.EntryComponent { FullUrl = url, Resource = resource });
        return new ResourceReference(url);
    }

    /// <summary>A section with these entries; nothing when there are none (not recorded).</summary>
    public void Section(string code, string title, IReadOnlyList<Resource> resources, string system = FhirCodes.Loinc)
    {
        if (resources.Count == 0)
        {
            return;
        }

        _composition.Section.Add(new Composition.SectionComponent
        {
            Title = title,
            Code = FhirCodes.Concept(system, code, title),
            Entry = [.. resources.Select(Entry)],
        });
    }

    public Bundle Build(DateTimeOffset assembled) => new()
    {
        Identifier = new Identifier("urn:ietf:rfc:3986", NewUrl()),
        Type = Bundle.BundleType.Document,
        Timestamp = assembled,
        Entry = _entries,
    };

    private static string NewUrl() => $"urn:uuid:{Guid.NewGuid()}";
}
