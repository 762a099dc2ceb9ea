using Hl7.Fhir.Model;
using MedBlocks.SmartCards.Profile;
using MedBlocks.SmartCards.Tests.Profile;

namespace MedBlocks.Fhir.Tests;

public sealed class EmergencySummaryBundleTests
{
    private static readonly string Author = FhirTestKit.Doctor.Address;

    public static TheoryData<string> Summaries =>
    [
        "minimal", "all none known", "typical", "large",
        "allergies none known", "medications none known", "problems none known", "devices none known",
        "pregnant", "pregnancy unknown", "do not resuscitate", "not a donor", "half the baseline",
    ];

    private static EmergencySummary Summary(string name)
    {
        var minimal = EmergencySummarySamples.Minimal(Author);
        var typical = EmergencySummarySamples.Typical(Author);
        return name switch
        {
            "minimal" => minimal,
            "all none known" => EmergencySummarySamples.AllNoneKnown(Author),
            "typical" => typical,
            "large" => EmergencySummarySamples.Large(Author),
            "allergies none known" => typical with { AllergiesNoneKnown = true, Allergies = [] },
            "medications none known" => minimal with { MedicationsNoneKnown = true },
            "problems none known" => typical with { ProblemsNoneKnown = true, Problems = [] },
            "devices none known" => typical with { DevicesNoneKnown = true, Devices = [] },
            "pregnant" => minimal with { Pregnancy = PregnancyStatus.Pregnant },
            "pregnancy unknown" => minimal with { Pregnancy = PregnancyStatus.Unknown },
            "do not resuscitate" => typical with { Resuscitation = ResuscitationStatus.DoNotResuscitate, AdvanceDirective = null },
            "not a donor" => minimal with { OrganDonation = OrganDonation.NotDonor },
            _ => typical with { Baseline = new EmergencyBaseline(WeightKg: 70m, Egfr: 25), BloodGroup = null },
        };
    }

    private static string Json(EmergencySummary summary)
    {
        var signature = FhirTestKit.Doctor.Sign(summary.ToJsonBytes());
        return FhirJson.Serialize(EmergencySummaryBundleWriter.ToBundle(summary, FhirTestKit.Subject(), signature, FhirTestKit.Assembled));
    }

    [Theory]
    [MemberData(nameof(Summaries))]
    public void FromBundle_ThroughFirelyJson_EqualsOriginalAndSignatureVerifies(string name)
    {
        var summary = Summary(name);

        var result = EmergencySummaryBundleReader.FromBundle(FhirJson.Parse<Bundle>(Json(summary)));

        Assert.Equal(summary, result.Summary);
        Assert.Empty(result.Warnings);
        Assert.True(result.SignatureValid);
        Assert.NotNull(result.Patient);
    }

    [Fact]
    public void ToBundle_Typical_HasIpsSectionsAndCodes()
    {
        var bundle = EmergencySummaryBundleWriter.ToBundle(EmergencySummarySamples.Typical(Author), FhirTestKit.Subject(), ReadOnlyMemory<byte>.Empty, FhirTestKit.Assembled);

        var composition = Assert.IsType<Composition>(bundle.Entry[0].Resource);
        Assert.Equal(Bundle.BundleType.Document, bundle.Type);
        Assert.True(composition.Type.Has(FhirCodes.Loinc, "60591-5"));
        Assert.Equal(
            ["48765-2", "10160-0", "11450-4", "46264-8", "10162-6", "42348-3", "8716-3", "30954-2", FhirCodes.ContactsSection],
            composition.Section.Select(s => s.Code?.Coding.Single().Code));
        Assert.Equal(composition.Section.Sum(s => s.Entry.Count) + 4, bundle.Entry.Count); // + Composition, Patient, Practitioner, Device
        var bloodGroup = bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Code.Has(FhirCodes.Loinc, "882-1"));
        Assert.Equal(EmergencySummary.BloodGroupNotice, bloodGroup.Note.Single().Text);
        Assert.Null(bundle.Signature);
    }

    [Theory]
    [InlineData("allergies none known", "no-known-allergies")]
    [InlineData("medications none known", "no-known-medications")]
    [InlineData("problems none known", "no-known-problems")]
    [InlineData("devices none known", "no-known-devices")]
    [InlineData("minimal", "no-allergy-info")]
    [InlineData("minimal", "no-medication-info")]
    [InlineData("minimal", "no-problem-info")]
    [InlineData("minimal", "no-device-info")]
    public void ToBundle_NoneKnownAndNotRecorded_UseIpsAbsentUnknownCodes(string name, string code) =>
        Assert.Contains($"\"system\":\"{FhirCodes.AbsentUnknown}\",\"code\":\"{code}\"", Json(Summary(name)), StringComparison.Ordinal);

    [Fact]
    public void FromBundle_ContentChangedAfterSigning_SignatureInvalid()
    {
        var json = Json(EmergencySummarySamples.Typical(Author)).Replace("penicillin", "amoxicillin", StringComparison.Ordinal);

        var result = EmergencySummaryBundleReader.FromBundle(FhirJson.Parse<Bundle>(json));

        Assert.False(result.SignatureValid);
        Assert.Equal("amoxicillin", result.Summary.Allergies[0].Substance);
    }

    [Fact]
    public void ToBundle_SignatureNotOverThisSummary_Throws()
    {
        var signature = FhirTestKit.Doctor.Sign(EmergencySummarySamples.Minimal(Author).ToJsonBytes());

        Assert.Throws<ArgumentException>(() => EmergencySummaryBundleWriter.ToBundle(EmergencySummarySamples.Typical(Author), FhirTestKit.Subject(), signature, FhirTestKit.Assembled));
    }

    [Fact]
    public void FromBundle_ForeignIps_NamesEverythingItCannotCarry()
    {
        var error = Assert.Throws<FhirMappingException>(() => EmergencySummaryBundleReader.FromBundle(FhirJson.Parse<Bundle>(FhirTestKit.ForeignIps()), new IpsImportOptions { SigningAuthor = Author }));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains("Immunizations", StringComparison.Ordinal) && p.Contains("11369-6", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("\"Appendicitis\" is not a current problem", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("Body temperature", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("(Procedure) is not part of any section", StringComparison.Ordinal));
    }

    [Fact]
    public void FromBundle_ForeignIpsAcceptingLoss_CarriesTheRestAndListsWarnings()
    {
        var result = EmergencySummaryBundleReader.FromBundle(FhirJson.Parse<Bundle>(FhirTestKit.ForeignIps()), new IpsImportOptions { SigningAuthor = Author, AcceptLoss = true });

        var summary = result.Summary;
        Assert.Equal(new EmergencyAllergy("Substance with penicillin structure and antibacterial mechanism of action", "Anaphylaxis", AllergyCriticality.High), Assert.Single(summary.Allergies));
        Assert.Equal(new EmergencyMedication("Anastrozole", "1 tablet once daily"), Assert.Single(summary.Medications));
        Assert.Equal(["Malignant neoplasm of breast"], summary.Problems);
        Assert.Equal(64.2m, summary.Baseline.WeightKg);
        Assert.Equal(new DateOnly(2026, 10, 2), summary.Date);
        Assert.Equal(Author, summary.Author);
        Assert.Equal(5, result.Warnings.Count);
        Assert.Contains(result.Warnings, w => w.Contains("replaced by the signing author", StringComparison.Ordinal));
        Assert.Null(result.SignatureValid);
        Assert.Equal("DeLarosa", result.Patient?.Name.Single().Family);
        Assert.Equal(summary, EmergencySummary.ParseSigned(summary.Sign(FhirTestKit.Doctor)));
    }

    [Fact]
    public void FromBundle_ForeignIpsWithoutSigningAuthor_AsksForOne() =>
        Assert.Contains(
            "signing author",
            Assert.Throws<FhirMappingException>(() => EmergencySummaryBundleReader.FromBundle(FhirJson.Parse<Bundle>(FhirTestKit.ForeignIps()), new IpsImportOptions { AcceptLoss = true })).Message,
            StringComparison.Ordinal);

    [Fact]
    public void FromBundle_NotADocument_Refused() =>
        Assert.Throws<FhirMappingException>(() => EmergencySummaryBundleReader.FromBundle(new Bundle { Type = Bundle.BundleType.Collection }));

    [Fact]
    public void FromBundle_EntryMissingFromBundle_Named()
    {
        var bundle = EmergencySummaryBundleWriter.ToBundle(EmergencySummarySamples.Typical(Author), FhirTestKit.Subject(), ReadOnlyMemory<byte>.Empty, FhirTestKit.Assembled);
        bundle.Entry.RemoveAll(e => e.Resource is MedicationStatement { Dosage.Count: > 0 } s && s.Dosage[0].Text == "10 mg daily");

        var error = Assert.Throws<FhirMappingException>(() => EmergencySummaryBundleReader.FromBundle(bundle));

        Assert.Contains("the entry is not in the Bundle", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void FromBundle_NonIntegerHeartRate_NamedNotRounded()
    {
        var bundle = EmergencySummaryBundleWriter.ToBundle(EmergencySummarySamples.Typical(Author), FhirTestKit.Subject(), ReadOnlyMemory<byte>.Empty, FhirTestKit.Assembled);
        var rate = bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Code.Has(FhirCodes.Loinc, FhirCodes.HeartRate));
        Assert.IsType<Quantity>(rate.Value).Value = 72.5m;

        var result = EmergencySummaryBundleReader.FromBundle(bundle, new IpsImportOptions { AcceptLoss = true });

        Assert.Null(result.Summary.Baseline.HeartRatePerMinute);
        Assert.Contains("heartRate", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void FromBundle_OverlongDose_NamedAndEntryLeftOut()
    {
        var bundle = EmergencySummaryBundleWriter.ToBundle(EmergencySummarySamples.Typical(Author), FhirTestKit.Subject(), ReadOnlyMemory<byte>.Empty, FhirTestKit.Assembled);
        bundle.Entry.Select(e => e.Resource).OfType<MedicationStatement>().First().Dosage[0].Text = new string('x', 201);

        var result = EmergencySummaryBundleReader.FromBundle(bundle, new IpsImportOptions { AcceptLoss = true });

        Assert.Equal(3, result.Summary.Medications.Count);
        Assert.Contains("longer than 200 characters", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void FromBundle_NoneKnownAndListed_RefusedAsContradictory()
    {
        var bundle = EmergencySummaryBundleWriter.ToBundle(EmergencySummarySamples.Typical(Author), FhirTestKit.Subject(), ReadOnlyMemory<byte>.Empty, FhirTestKit.Assembled);
        bundle.Entry.Select(e => e.Resource).OfType<AllergyIntolerance>().First().Code = FhirCodes.Concept(FhirCodes.AbsentUnknown, "no-known-allergies", "No known allergies");

        var error = Assert.Throws<FhirMappingException>(() => EmergencySummaryBundleReader.FromBundle(bundle, new IpsImportOptions { AcceptLoss = true }));

        Assert.Contains("none known", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromBundle_MedicationRequestWithStoppedStatement_ReadsRequestAndNamesStopped()
    {
        var bundle = EmergencySummaryBundleWriter.ToBundle(EmergencySummarySamples.Minimal(Author) with { Medications = [new("warfarin", "3 mg at 6 pm")] }, FhirTestKit.Subject(), ReadOnlyMemory<byte>.Empty, FhirTestKit.Assembled);
        var statement = bundle.Entry.Single(e => e.Resource is MedicationStatement);
        ((MedicationStatement)statement.Resource!).Status = MedicationStatement.MedicationStatusCodes.Stopped;
        var request = new MedicationRequest { Status = MedicationRequest.MedicationrequestStatus.Active, Intent = MedicationRequest.MedicationRequestIntent.Order, Subject = ((MedicationStatement)statement.Resource!).Subject, Medication = new CodeableConcept { Text = "furosemide" }, DosageInstruction = [new Dosage { Text = "40 mg in the morning" }] };
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:0b6d2f2e-52a8-4f5e-9d43-1c1a7a0e2b11", Resource = request });
        ((Composition)bundle.Entry[0].Resource!).Section.Single(s => s.Code.Has(FhirCodes.Loinc, FhirCodes.MedicationsSection)).Entry.Add(new ResourceReference("urn:uuid:0b6d2f2e-52a8-4f5e-9d43-1c1a7a0e2b11"));

        var result = EmergencySummaryBundleReader.FromBundle(FhirJson.Parse<Bundle>(FhirJson.Serialize(bundle)), new IpsImportOptions { AcceptLoss = true });

        Assert.Equal([new EmergencyMedication("furosemide", "40 mg in the morning")], result.Summary.Medications);
        Assert.Contains("\"warfarin\" is not a current medication", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void FromBundle_SubjectFromCardIdentity_PatientMapsBackToTheIdentity()
    {
        var identity = new CardIdentity(FhirTestKit.Doctor.Address, new string('A', 43), "Omar Haddad", new DateOnly(1958, 7, 4), "male", "00000000000000A1", new DateOnly(2026, 11, 25));
        var summary = EmergencySummarySamples.Typical(Author);
        var json = FhirJson.Serialize(EmergencySummaryBundleWriter.ToBundle(summary, PatientMapping.ToPatient(identity), FhirTestKit.Doctor.Sign(summary.ToJsonBytes()), FhirTestKit.Assembled));

        var result = EmergencySummaryBundleReader.FromBundle(FhirJson.Parse<Bundle>(json));

        Assert.Equal(identity, PatientMapping.ToCardIdentity(result.Patient!));
        Assert.Equal(summary, result.Summary);
        Assert.True(result.SignatureValid);
    }
}
