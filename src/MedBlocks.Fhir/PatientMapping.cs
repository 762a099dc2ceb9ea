using System.Globalization;
using Hl7.Fhir.Model;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Fhir;

/// <summary>
/// <see cref="CardIdentity"/> ↔ FHIR R4 <see cref="Patient"/>: the address, the encryption key
/// fingerprint and the card serial (with the issue date as the start of its period) as identifiers;
/// the name as <c>HumanName.text</c>; birth date; administrative gender.
/// </summary>
public static class PatientMapping
{
    public static Patient ToPatient(CardIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        identity.Validate();
        return new Patient
        {
            Identifier =
            [
                new Identifier(FhirCodes.AddressSystem, identity.Address),
                new Identifier(FhirCodes.EncryptionKeySystem, identity.EncryptionKeyFingerprint),
                new Identifier(FhirCodes.CardSerialSystem, identity.Serial) { Period = new Period { Start = Date(identity.Issued) } },
            ],
            Name = [new HumanName { Text = identity.Name }],
            BirthDate = Date(identity.BirthDate),
            Gender = identity.Sex switch
            {
                "female" => AdministrativeGender.Female,
                "male" => AdministrativeGender.Male,
                "other" => AdministrativeGender.Other,
                _ => AdministrativeGender.Unknown,
            },
        };
    }

    /// <exception cref="FhirMappingException">The patient lacks what a card identity needs (each missing part named).</exception>
    public static CardIdentity ToCardIdentity(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var problems = new List<string>();
        var address = Identifier(patient, FhirCodes.AddressSystem, problems);
        var fingerprint = Identifier(patient, FhirCodes.EncryptionKeySystem, problems);
        var serial = patient.Identifier.FirstOrDefault(i => i.System == FhirCodes.CardSerialSystem);
        if (serial?.Value is null)
        {
            problems.Add($"no identifier in {FhirCodes.CardSerialSystem}");
        }

        var name = patient.Name.Select(NameText).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
        if (name is null)
        {
            problems.Add("no name");
        }

        var birthDate = ParseDate(patient.BirthDate, "birthDate", problems);
        var issued = ParseDate(serial?.Period?.Start, "card serial period start (issue date)", problems);
        if (patient.Gender is null)
        {
            problems.Add("no gender");
        }

        if (problems.Count > 0)
        {
            throw new FhirMappingException("The Patient cannot become a card identity.", problems);
        }

        var identity = new CardIdentity(address!, fingerprint!, name!, birthDate!.Value, patient.Gender switch
        {
            AdministrativeGender.Female => "female",
            AdministrativeGender.Male => "male",
            AdministrativeGender.Other => "other",
            _ => "unknown",
        }, serial!.Value!, issued!.Value);
        try
        {
            identity.Validate();
        }
        catch (ArgumentException e)
        {
            throw new FhirMappingException("The Patient cannot become a card identity.", [e.Message]);
        }

        return identity;
    }

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NameText(HumanName name) =>
        name.Text ?? string.Join(' ', name.Given.Append(name.Family).Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string? Identifier(Patient patient, string system, List<string> problems)
    {
        var value = patient.Identifier.FirstOrDefault(i => i.System == system)?.Value;
        if (value is null)
        {
            problems.Add($"no identifier in {system}");
        }

        return value;
    }

    private static DateOnly? ParseDate(string? text, string what, List<string> problems)
    {
        if (text is not null && DateOnly.TryParseExact(text.Length >= 10 ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{what} is not a full date (yyyy-MM-dd)");
        return null;
    }
}
