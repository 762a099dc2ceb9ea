using System.Globalization;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Kiosk.Enrolment;

/// <summary>
/// What the registrar types for a new patient: identity and the emergency data for the card. Lists are
/// one entry per line. <see cref="Validate"/> returns the text keys of every problem (empty when the
/// details can be written), so the form can show all of them at once.
/// </summary>
public sealed class EnrolmentDetails
{
    public string Name { get; set; } = string.Empty;

    /// <summary>yyyy-MM-dd, as an HTML date input gives it.</summary>
    public string BirthDate { get; set; } = string.Empty;

    public string Sex { get; set; } = string.Empty;

    /// <summary>"none" (no known allergies), "listed", or empty while not chosen.</summary>
    public string AllergyChoice { get; set; } = string.Empty;

    public string Allergies { get; set; } = string.Empty;

    public bool NoMedication { get; set; }

    /// <summary>One per line: "name, dose".</summary>
    public string Medications { get; set; } = string.Empty;

    public bool NoProblems { get; set; }

    public string Problems { get; set; } = string.Empty;

    public ResuscitationStatus Resuscitation { get; set; } = ResuscitationStatus.Unknown;

    /// <summary>One of <see cref="EmergencySummary.BloodGroups"/>, or empty when not known.</summary>
    public string BloodGroup { get; set; } = string.Empty;

    public string ContactName { get; set; } = string.Empty;

    public string ContactRelation { get; set; } = string.Empty;

    public string ContactPhone { get; set; } = string.Empty;

    public const string AllergiesNoneKnown = "none";
    public const string AllergiesListed = "listed";

    /// <summary>The birth date when it parses (null otherwise).</summary>
    public DateOnly? ParsedBirthDate =>
        DateOnly.TryParseExact(BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Text keys (Texts.Enrolment) of every problem, in form order; empty when valid.</summary>
    public IReadOnlyList<string> Validate(DateOnly today)
    {
        var problems = new List<string>();
        var name = Name.Trim();
        if (name.Length == 0)
        {
            problems.Add("enrol.err.name");
        }
        else if (name.Length > CardIdentity.MaxNameLength || name.Any(char.IsControl))
        {
            problems.Add("enrol.err.nameLength");
        }

        if (ParsedBirthDate is not { } birth)
        {
            problems.Add("enrol.err.birthDate");
        }
        else if (birth > today || birth < today.AddYears(-130))
        {
            problems.Add("enrol.err.birthDateRange");
        }

        if (!CardIdentity.SexCodes.Contains(Sex))
        {
            problems.Add("enrol.err.sex");
        }

        switch (AllergyChoice)
        {
            case AllergiesNoneKnown when Lines(Allergies).Count > 0:
                problems.Add("enrol.err.allergiesBoth");
                break;
            case AllergiesNoneKnown:
                break;
            case AllergiesListed when Lines(Allergies).Count == 0:
                problems.Add("enrol.err.allergiesEmpty");
                break;
            case AllergiesListed:
                break;
            default:
                problems.Add("enrol.err.allergyChoice");
                break;
        }

        if (NoMedication && Lines(Medications).Count > 0)
        {
            problems.Add("enrol.err.medicationsBoth");
        }
        else if (Lines(Medications).Any(line => SplitMedication(line) is null))
        {
            problems.Add("enrol.err.medicationFormat");
        }

        if (NoProblems && Lines(Problems).Count > 0)
        {
            problems.Add("enrol.err.problemsBoth");
        }

        if (!Enum.IsDefined(Resuscitation))
        {
            problems.Add("enrol.err.resuscitation");
        }

        if (BloodGroup.Length > 0 && !EmergencySummary.BloodGroups.Contains(BloodGroup))
        {
            problems.Add("enrol.err.bloodGroup");
        }

        var contact = new[] { ContactName, ContactRelation, ContactPhone };
        if (contact.Any(f => f.Trim().Length > 0) && contact.Any(f => f.Trim().Length == 0))
        {
            problems.Add("enrol.err.contact");
        }
        else if (ContactPhone.Trim().Length > 0 && !ContactPhone.Trim().All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')'))
        {
            problems.Add("enrol.err.phone");
        }

        IEnumerable<string> texts = [.. Lines(Allergies), .. Lines(Medications), .. Lines(Problems), ContactName, ContactRelation, ContactPhone];
        if (texts.Any(t => t.Length > EmergencySummary.MaxText || t.Any(char.IsControl))
            || new[] { Lines(Allergies).Count, Lines(Medications).Count, Lines(Problems).Count }.Any(n => n > EmergencySummary.MaxItems))
        {
            problems.Add("enrol.err.tooLong");
        }

        return problems;
    }

    /// <summary>The emergency summary these details describe, authored by <paramref name="author"/> today.</summary>
    /// <exception cref="InvalidOperationException">The details are not valid.</exception>
    public EmergencySummary ToSummary(string author, DateOnly today)
    {
        if (Validate(today).Count > 0)
        {
            throw new InvalidOperationException("Validate the enrolment details first.");
        }

        var hasContact = ContactName.Trim().Length > 0;
        return new EmergencySummary(
            AllergiesNoneKnown: AllergyChoice == AllergiesNoneKnown,
            Allergies: [.. Lines(Allergies).Select(EmergencyAllergy.FromSubstance)],
            Medications: [.. Lines(Medications).Select(l => SplitMedication(l)!)],
            Problems: Lines(Problems),
            Resuscitation: Resuscitation,
            BloodGroup: BloodGroup.Length == 0 ? null : BloodGroup,
            Contacts: hasContact ? [new EmergencyContact(ContactName.Trim(), ContactRelation.Trim(), ContactPhone.Trim())] : [],
            Author: author,
            Date: today)
        {
            MedicationsNoneKnown = NoMedication,
            ProblemsNoneKnown = NoProblems,
        };
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static EmergencyMedication? SplitMedication(string line)
    {
        var comma = line.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0)
        {
            return null;
        }

        var name = line[..comma].Trim();
        var dose = line[(comma + 1)..].Trim();
        return name.Length == 0 || dose.Length == 0 ? null : new EmergencyMedication(name, dose);
    }
}
