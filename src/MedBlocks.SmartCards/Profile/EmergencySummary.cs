using MedBlocks.Core.Participants;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// The card's emergency summary, following the sections of the HL7 FHIR International Patient
/// Summary plus what ambulance crews ask for: allergies and intolerances, medications, problems,
/// implants and devices (each with an explicit "none known", distinct from an empty list that
/// means "not recorded"), pregnancy, resuscitation status and advance directive, organ donation,
/// blood group (informational only: never for transfusion), emergency contacts and usual values;
/// author address and date.
/// The signed form is the compact UTF-8 JSON (<see cref="EmergencySummaryJson"/>) followed by the
/// author's 64-byte Ed25519 signature over it; file 03 holds that, deflated.
/// Equality is by value, lists compared element by element.
/// </summary>
public sealed record EmergencySummary(
    bool AllergiesNoneKnown,
    IReadOnlyList<EmergencyAllergy> Allergies,
    IReadOnlyList<EmergencyMedication> Medications,
    IReadOnlyList<string> Problems,
    ResuscitationStatus Resuscitation,
    string? BloodGroup,
    IReadOnlyList<EmergencyContact> Contacts,
    string Author,
    DateOnly Date)
{
    /// <summary>The format written; <see cref="EmergencySummaryJson"/> also reads version 1.</summary>
    public const int FormatVersion = EmergencySummaryJson.CurrentVersion;

    /// <summary>What every screen and export shows next to the blood group.</summary>
    public const string BloodGroupNotice = "Informational only: never use for transfusion; group and cross-match.";

    public const int MaxItems = 50;
    public const int MaxText = 200;

    /// <summary>ABO and RhD groups accepted for <see cref="BloodGroup"/>.</summary>
    public static IReadOnlyList<string> BloodGroups { get; } = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"];

    /// <summary>True: the patient takes no medication (an empty list alone means "not recorded").</summary>
    public bool MedicationsNoneKnown { get; init; }

    /// <summary>True: no known problems (an empty list alone means "not recorded").</summary>
    public bool ProblemsNoneKnown { get; init; }

    /// <summary>Implants and medical devices (pacemaker, insulin pump, metal implants, ...).</summary>
    public IReadOnlyList<string> Devices { get; init; } = [];

    /// <summary>True: no known implants or devices (an empty list alone means "not recorded").</summary>
    public bool DevicesNoneKnown { get; init; }

    public PregnancyStatus Pregnancy { get; init; }

    /// <summary>An advance directive exists: what it says in short and where it is held; null: none recorded.</summary>
    public string? AdvanceDirective { get; init; }

    public OrganDonation OrganDonation { get; init; }

    public EmergencyBaseline Baseline { get; init; } = EmergencyBaseline.None;

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

    /// <summary>Parses the signed form (format version 1 or 2) and verifies the author's signature.</summary>
    /// <exception cref="PatientCardException">BadSignature, or CorruptContent for a malformed summary.</exception>
    public static EmergencySummary ParseSigned(ReadOnlySpan<byte> signedSummary)
    {
        if (signedSummary.Length <= Ed25519Address.SignatureLength)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, "The emergency summary is too short to carry a signature.");
        }

        var json = signedSummary[..^Ed25519Address.SignatureLength];
        var summary = EmergencySummaryJson.Parse(json);
        if (!Ed25519Address.Verify(summary.Author, json, signedSummary[^Ed25519Address.SignatureLength..]))
        {
            throw new PatientCardException(PatientCardError.BadSignature, "The emergency summary's author signature does not verify: do not rely on it.");
        }

        return summary;
    }

    /// <summary>The compact UTF-8 JSON of the current format version (validated first).</summary>
    public byte[] ToJsonBytes()
    {
        Validate();
        return EmergencySummaryJson.Write(this);
    }

    /// <exception cref="ArgumentException">A field breaks the format's rules.</exception>
    public void Validate()
    {
        NoneKnownOrListed(AllergiesNoneKnown, Allergies.Count, "Allergies");
        NoneKnownOrListed(MedicationsNoneKnown, Medications.Count, "Medications");
        NoneKnownOrListed(ProblemsNoneKnown, Problems.Count, "Problems");
        NoneKnownOrListed(DevicesNoneKnown, Devices.Count, "Devices");
        if (!Ed25519Address.IsValid(Author))
        {
            throw new ArgumentException("The author is not an Ed25519 address.", nameof(Author));
        }

        if (!Enum.IsDefined(Resuscitation) || !Enum.IsDefined(Pregnancy) || !Enum.IsDefined(OrganDonation)
            || Allergies.Any(a => !Enum.IsDefined(a.Criticality)))
        {
            throw new ArgumentException("Unknown resuscitation, pregnancy, organ donation or criticality value.");
        }

        if (BloodGroup is not null && !BloodGroups.Contains(BloodGroup))
        {
            throw new ArgumentException($"The blood group must be one of {string.Join(", ", BloodGroups)}.", nameof(BloodGroup));
        }

        ArgumentNullException.ThrowIfNull(Baseline);
        Baseline.Validate();
        IEnumerable<string?> texts =
        [
            .. Allergies.SelectMany(a => new[] { a.Substance, a.Reaction }), .. Problems, .. Devices, AdvanceDirective,
            .. Medications.SelectMany(m => new[] { m.Name, m.Dose }), .. Contacts.SelectMany(c => new[] { c.Name, c.Relation, c.Phone }),
        ];
        if (new[] { Allergies.Count, Medications.Count, Problems.Count, Devices.Count, Contacts.Count }.Any(n => n > MaxItems)
            || texts.Any(t => t is not null && (t.Length is 0 or > MaxText || t.Any(char.IsControl))))
        {
            throw new ArgumentException($"Lists hold at most {MaxItems} entries of 1..{MaxText} characters without control characters.");
        }
    }

    public bool Equals(EmergencySummary? other) =>
        other is not null
        && AllergiesNoneKnown == other.AllergiesNoneKnown && Allergies.SequenceEqual(other.Allergies)
        && MedicationsNoneKnown == other.MedicationsNoneKnown && Medications.SequenceEqual(other.Medications)
        && ProblemsNoneKnown == other.ProblemsNoneKnown && Problems.SequenceEqual(other.Problems)
        && DevicesNoneKnown == other.DevicesNoneKnown && Devices.SequenceEqual(other.Devices)
        && Pregnancy == other.Pregnancy && Resuscitation == other.Resuscitation
        && AdvanceDirective == other.AdvanceDirective && OrganDonation == other.OrganDonation
        && BloodGroup == other.BloodGroup && Contacts.SequenceEqual(other.Contacts)
        && Baseline == other.Baseline && Author == other.Author && Date == other.Date;

    public override int GetHashCode() =>
        HashCode.Combine(Allergies.Count, Medications.Count, Problems.Count, Devices.Count, Contacts.Count, Resuscitation, Author, Date);

    private static void NoneKnownOrListed(bool noneKnown, int count, string section)
    {
        if (noneKnown && count > 0)
        {
            throw new ArgumentException($"{section} cannot be both listed and 'none known'.", section);
        }
    }
}
