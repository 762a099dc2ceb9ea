using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

/// <summary>Minimal, typical and large emergency summaries by one author, shared by the card and FHIR tests.</summary>
internal static class EmergencySummarySamples
{
    public static readonly DateOnly Date = new(2026, 11, 25);

    /// <summary>Nothing recorded but the author and date.</summary>
    public static EmergencySummary Minimal(string author) => new(false, [], [], [], ResuscitationStatus.Unknown, null, [], author, Date);

    /// <summary>Every section "none known" (and nothing else recorded).</summary>
    public static EmergencySummary AllNoneKnown(string author) => Minimal(author) with
    {
        AllergiesNoneKnown = true,
        MedicationsNoneKnown = true,
        ProblemsNoneKnown = true,
        DevicesNoneKnown = true,
    };

    /// <summary>What a GP records for an older patient with a few conditions: every section used.</summary>
    public static EmergencySummary Typical(string author) => new(
        AllergiesNoneKnown: false,
        Allergies:
        [
            new("penicillin", "anaphylaxis", AllergyCriticality.High),
            new("latex", "contact urticaria", AllergyCriticality.Low),
            new("codeine", "vomiting", Intolerance: true),
        ],
        Medications:
        [
            new("metformin", "500 mg twice daily"),
            new("lisinopril", "10 mg daily"),
            new("apixaban", "5 mg twice daily"),
            new("salbutamol inhaler", "100 micrograms as needed"),
        ],
        Problems: ["type 2 diabetes", "hypertension", "atrial fibrillation (anticoagulated)"],
        Resuscitation: ResuscitationStatus.FullResuscitation,
        BloodGroup: "A+",
        Contacts: [new("Sam Tallia", "partner", "+44 20 7946 0958"), new("Dr Ana Ruiz", "general practitioner", "+44 20 7946 0000")],
        Author: author,
        Date: Date)
    {
        Devices = ["dual-chamber pacemaker (MRI conditional)"],
        Pregnancy = PregnancyStatus.NotPregnant,
        AdvanceDirective = "Lasting power of attorney for health: Sam Tallia; copy held by GP",
        OrganDonation = OrganDonation.Donor,
        Baseline = new EmergencyBaseline(135, 85, 72, 96, 81.5m, 58),
    };

    /// <summary>A patient with many conditions and medications, long entries.</summary>
    public static EmergencySummary Large(string author) => Typical(author) with
    {
        Allergies = [.. Enumerable.Range(1, 12).Select(i => new EmergencyAllergy($"allergen number {i} with a long descriptive name", $"generalised urticaria and wheeze, episode {i}", (AllergyCriticality)(i % 3), i % 4 == 0))],
        Medications = [.. Enumerable.Range(1, 20).Select(i => new EmergencyMedication($"medication {i} modified-release tablets", $"{i * 5} mg in the morning and {i} mg at night with food"))],
        Problems = [.. Enumerable.Range(1, 15).Select(i => $"chronic condition {i}, diagnosed {2000 + i}, under hospital follow-up")],
        Devices = ["implantable cardioverter-defibrillator", "left total hip replacement (metal)", "insulin pump", "cochlear implant (right)", "ventriculoperitoneal shunt"],
        Contacts = [new("Sam Tallia", "partner", "+44 20 7946 0958"), new("Leila Haddad", "daughter", "+44 161 496 0321"), new("Dr Ana Ruiz", "general practitioner", "+44 20 7946 0000"), new("Community nursing team", "district nurses", "+44 20 7946 0999")],
    };
}
