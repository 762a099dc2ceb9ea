using Hl7.Fhir.Model;

namespace MedBlocks.Fhir;

/// <summary>Code systems, identifier systems and codes of the MedBlocks FHIR mapping (see README.md).</summary>
public static class FhirCodes
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string AbsentUnknown = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";
    public const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    public const string AllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    public const string ConditionClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public const string ConsentScope = "http://terminology.hl7.org/CodeSystem/consentscope";
    public const string SignatureType = "urn:iso-astm:E1762-95:2013";
    public const string AuthorSignature = "1.2.840.10065.1.12.1.1";
    public const string ListEmptyReason = "http://terminology.hl7.org/CodeSystem/list-empty-reason";

    /// <summary>MedBlocks identifier systems: a participant's Ed25519 address, the RSA key fingerprint, the card serial.</summary>
    public const string AddressSystem = "urn:medblocks:ed25519-address";
    public const string EncryptionKeySystem = "urn:medblocks:rsa-spki-sha256";
    public const string CardSerialSystem = "urn:medblocks:card-serial";

    /// <summary>MedBlocks codes where no standard code is used: organ donation, the emergency contacts section.</summary>
    public const string MedBlocksCodes = "urn:medblocks:emergency";

    /// <summary>The format of <c>Bundle.signature.data</c>: the author's Ed25519 signature over the card's summary JSON.</summary>
    public const string SignatureFormat = "application/vnd.medblocks.emergency-summary+json; version=2";

    public const string PatientSummaryDocument = "60591-5";
    public const string AllergiesSection = "48765-2";
    public const string MedicationsSection = "10160-0";
    public const string ProblemsSection = "11450-4";
    public const string DevicesSection = "46264-8";
    public const string PregnancySection = "10162-6";
    public const string AdvanceDirectivesSection = "42348-3";
    public const string VitalSignsSection = "8716-3";
    public const string ResultsSection = "30954-2";
    public const string ContactsSection = "emergency-contacts";

    public const string PregnancyStatusCode = "82810-3";
    public const string Pregnant = "77386006";
    public const string NotPregnant = "60001007";
    public const string PregnancyUnknown = "261665006";
    public const string ConsentDocument = "59284-0";
    public const string Resuscitation = "89666000";
    public const string OrganDonation = "organ-donation";
    public const string BloodPressurePanel = "85354-9";
    public const string Systolic = "8480-6";
    public const string Diastolic = "8462-4";
    public const string HeartRate = "8867-4";
    public const string OxygenSaturation = "59408-5";
    public const string BodyWeight = "29463-7";
    public const string Egfr = "62238-1";
    public const string BloodGroup = "882-1";

    public static CodeableConcept Concept(string system, string code, string display) => new(system, code, display, null);

    public static bool Has(this CodeableConcept? concept, string system, string code) =>
        concept?.Coding.Any(c => c.System == system && c.Code == code) == true;

    /// <summary>The code of the first coding in <paramref name="system"/>, if any.</summary>
    public static string? CodeIn(this CodeableConcept? concept, string system) =>
        concept?.Coding.FirstOrDefault(c => c.System == system)?.Code;

    /// <summary>What a person would read: the text, else the first coding's display.</summary>
    public static string? Readable(this CodeableConcept? concept) =>
        concept?.Text ?? concept?.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
}
