using System.Globalization;
using Hl7.Fhir.Model;
using MedBlocks.Core.Participants;
using MedBlocks.SmartCards.Profile;
using static MedBlocks.Fhir.FhirCodes;

namespace MedBlocks.Fhir;

/// <summary>
/// FHIR R4 IPS document <see cref="Bundle"/> → <see cref="EmergencySummary"/>, for Bundles written by
/// <see cref="EmergencySummaryBundleWriter"/> and for IPS documents made elsewhere. Nothing is
/// dropped silently: every section, entry or detail the summary cannot carry is named, as an
/// error (default) or as a warning (<see cref="IpsImportOptions.AcceptLoss"/>).
/// </summary>
public static class EmergencySummaryBundleReader
{
    /// <exception cref="FhirMappingException">Not an IPS document, no usable author or date, or (without AcceptLoss) content that would be lost.</exception>
    public static IpsImportResult FromBundle(Bundle bundle, IpsImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        options ??= new IpsImportOptions();
        var read = new BundleReading(bundle);
        var composition = read.Composition;
        var losses = new List<string>();
        var notes = new List<string>();
        var content = new ImportedContent();

        var patient = read.Resolve(composition.Subject) as Patient;
        var author = Author(read, options, notes);
        var date = DateOf(composition.Date) ?? throw new FhirMappingException("The IPS document cannot be read:", ["Composition.date is missing or not a date"]);
        foreach (var section in composition.Section)
        {
            ReadSection(read, section, content, losses);
        }

        losses.AddRange(read.Unreferenced());
        losses.AddRange(content.Overflow());
        if (losses.Count > 0 && !options.AcceptLoss)
        {
            throw new FhirMappingException("The IPS document holds content the emergency summary cannot carry (import with AcceptLoss to leave it out):", losses);
        }

        var summary = content.ToSummary(author, date);
        try
        {
            summary.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FhirMappingException("The IPS document does not make a valid emergency summary:", [e.Message]);
        }

        return new IpsImportResult(summary, patient, [.. losses, .. notes], SignatureValid(bundle, summary, notes));
    }

    private static string Author(BundleReading read, IpsImportOptions options, List<string> notes)
    {
        var addresses = read.Composition.Author.Select(read.Resolve).OfType<Practitioner>()
            .SelectMany(p => p.Identifier).Where(i => i.System == AddressSystem && Ed25519Address.IsValid(i.Value)).Select(i => i.Value).ToList();
        if (options.SigningAuthor is { } signing)
        {
            if (!Ed25519Address.IsValid(signing))
            {
                throw new ArgumentException("The signing author is not an Ed25519 address.", nameof(options));
            }

            if (!addresses.Contains(signing))
            {
                notes.Add("The document's author is replaced by the signing author, who must review it before signing.");
            }

            return signing;
        }

        return addresses.FirstOrDefault()
            ?? throw new FhirMappingException("The IPS document cannot be read:", ["its author is not a Practitioner with a MedBlocks address; import it with the signing author's address"]);
    }

    private static bool? SignatureValid(Bundle bundle, EmergencySummary summary, List<string> notes)
    {
        if (bundle.Signature is not { } signature)
        {
            return null;
        }

        if (signature.SigFormat != SignatureFormat || signature.Data is null)
        {
            notes.Add($"The Bundle signature ({signature.SigFormat ?? "no format"}) is not a MedBlocks author signature and was not checked.");
            return null;
        }

        return Ed25519Address.Verify(summary.Author, summary.ToJsonBytes(), signature.Data);
    }

    private static void ReadSection(BundleReading read, Composition.SectionComponent section, ImportedContent content, List<string> losses)
    {
        var code = section.Code.CodeIn(Loinc) ?? section.Code.CodeIn(MedBlocksCodes);
        var name = $"section \"{section.Title ?? section.Code.Readable() ?? "untitled"}\"{(code is null ? string.Empty : $" ({code})")}";
        if (section.Section.Count > 0)
        {
            losses.Add($"{name}: nested sections are not carried");
        }

        Action<Resource, string>? readEntry = code switch
        {
            AllergiesSection => (r, at) => content.Allergy(r, at, losses),
            MedicationsSection => (r, at) => content.Medication(r, at, read, losses),
            ProblemsSection => (r, at) => content.Problem(r, at, losses),
            DevicesSection => (r, at) => content.Device(r, at, read, losses),
            PregnancySection => (r, at) => content.Pregnancy(r, at, losses),
            AdvanceDirectivesSection => (r, at) => content.Directive(r, at, losses),
            VitalSignsSection or ResultsSection => (r, at) => content.Measurement(r, at, losses),
            ContactsSection => (r, at) => content.Contact(r, at, losses),
            _ => null,
        };
        if (readEntry is null)
        {
            if (section.Entry.Count > 0 || !string.IsNullOrWhiteSpace(section.Text?.Div))
            {
                losses.Add($"{name} with {section.Entry.Count} entries is not part of the emergency summary");
            }

            read.MarkUsed(section.Entry);
            return;
        }

        foreach (var reference in section.Entry)
        {
            var at = $"{name}, {reference.Reference}";
            if (read.Resolve(reference) is { } resource)
            {
                readEntry(resource, $"{name}, {resource.TypeName}");
            }
            else
            {
                losses.Add($"{at}: the entry is not in the Bundle");
            }
        }
    }

    internal static DateOnly? DateOf(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
