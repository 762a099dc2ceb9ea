using Hl7.Fhir.Model;

namespace MedBlocks.Fhir;

/// <summary>An IPS document Bundle being read: its Composition, reference resolution, and which entries were used.</summary>
internal sealed class BundleReading
{
    private readonly Dictionary<string, Resource> _byReference = new(StringComparer.Ordinal);
    private readonly HashSet<Resource> _used = new(ReferenceEqualityComparer.Instance);
    private readonly Bundle _bundle;

    public BundleReading(Bundle bundle)
    {
        _bundle = bundle;
        if (bundle.Type != Bundle.BundleType.Document || bundle.Entry.FirstOrDefault()?.Resource is not Composition composition)
        {
            throw new FhirMappingException("The Bundle is not an IPS document:", ["it must be of type document and begin with a Composition"]);
        }

        if (!composition.Type.Has(FhirCodes.Loinc, FhirCodes.PatientSummaryDocument))
        {
            throw new FhirMappingException("The Bundle is not an IPS document:", [$"the Composition type is not LOINC {FhirCodes.PatientSummaryDocument} (Patient summary Document)"]);
        }

        Composition = composition;
        foreach (var entry in bundle.Entry)
        {
            if (entry.Resource is not { } resource)
            {
                continue;
            }

            if (entry.FullUrl is { } url)
            {
                _byReference.TryAdd(url, resource);
            }

            if (resource.Id is { } id)
            {
                _byReference.TryAdd($"{resource.TypeName}/{id}", resource);
            }
        }

        _used.Add(composition);
    }

    public Composition Composition { get; }

    /// <summary>The Bundle entry a reference points to (marked used), or null.</summary>
    public Resource? Resolve(ResourceReference? reference)
    {
        if (reference?.Reference is { } target && _byReference.TryGetValue(target, out var resource))
        {
            _used.Add(resource);
            return resource;
        }

        return null;
    }

    public void MarkUsed(IEnumerable<ResourceReference> references)
    {
        foreach (var reference in references)
        {
            Resolve(reference);
        }
    }

    /// <summary>One line per entry that nothing read (other than the Patient, which the summary does not hold).</summary>
    public IEnumerable<string> Unreferenced() =>
        _bundle.Entry.Where(e => e.Resource is { } r && !_used.Contains(r))
            .Select(e => $"entry {e.FullUrl ?? e.Resource!.Id} ({e.Resource!.TypeName}) is not part of any section the emergency summary carries");
}
