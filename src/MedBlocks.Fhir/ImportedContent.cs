using System.Text;
using Hl7.Fhir.Model;
using MedBlocks.SmartCards.Profile;
using static MedBlocks.Fhir.FhirCodes;

namespace MedBlocks.Fhir;

/// <summary>What an IPS document's sections yield for the emergency summary, entry by entry; each loss named.</summary>
internal sealed class ImportedContent
{
    private static readonly string[] InactiveConditions = ["inactive", "remission", "resolved"];
    private static readonly string[] Refuted = ["refuted", "entered-in-error"];

    private readonly List<EmergencyAllergy> _allergies = [];
    private readonly List<EmergencyMedication> _medications = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _devices = [];
    private readonly List<EmergencyContact> _contacts = [];
    private readonly List<string> _directives = [];
    private readonly Dictionary<string, decimal> _measurements = new(StringComparer.Ordinal);
    private readonly List<string> _overflow = [];
    private bool _allergiesNoneKnown;
    private bool _medicationsNoneKnown;
    private bool _problemsNoneKnown;
    private bool _devicesNoneKnown;
    private PregnancyStatus _pregnancy;
    private ResuscitationStatus _resuscitation;
    private SmartCards.Profile.OrganDonation _organDonation;
    private string? _bloodGroup;

    public void Allergy(Resource resource, string at, List<string> losses)
    {
        if (resource is not AllergyIntolerance a)
        {
            losses.Add($"{at}: not an AllergyIntolerance");
            return;
        }

        if (Absent(a.Code, "no-known-allergies", "no-allergy-info", ref _allergiesNoneKnown))
        {
            return;
        }

        if (a.ClinicalStatus.CodeIn(AllergyClinical) is "inactive" or "resolved" || Refuted.Contains(a.VerificationStatus.CodeIn("http://terminology.hl7.org/CodeSystem/allergyintolerance-verification")))
        {
            losses.Add($"{at}: \"{a.Code.Readable()}\" is not an active allergy");
            return;
        }

        var manifestations = string.Join(", ", a.Reaction.SelectMany(r => r.Manifestation).Select(m => m.Readable()).OfType<string>().Distinct());
        var reaction = manifestations.Length == 0 ? null : Clean(manifestations);
        Add(_allergies, at, a.Code.Readable(), losses, substance => new EmergencyAllergy(
            substance,
            reaction,
            a.Criticality switch
            {
                AllergyIntolerance.AllergyIntoleranceCriticality.High => AllergyCriticality.High,
                AllergyIntolerance.AllergyIntoleranceCriticality.Low => AllergyCriticality.Low,
                _ => AllergyCriticality.NotAssessed,
            },
            a.Type == AllergyIntolerance.AllergyIntoleranceType.Intolerance), reaction);
    }

    public void Medication(Resource resource, string at, BundleReading read, List<string> losses)
    {
        (DataType? medication, List<Dosage> dosage, bool current) = resource switch
        {
            MedicationStatement s => (s.Medication, s.Dosage, s.Status is MedicationStatement.MedicationStatusCodes.Active or MedicationStatement.MedicationStatusCodes.Intended or MedicationStatement.MedicationStatusCodes.Unknown or null),
            MedicationRequest r => (r.Medication, r.DosageInstruction, r.Status is MedicationRequest.MedicationrequestStatus.Active or null),
            _ => (null, [], false),
        };
        if (resource is not (MedicationStatement or MedicationRequest))
        {
            losses.Add($"{at}: not a MedicationStatement or MedicationRequest");
            return;
        }

        var concept = medication as CodeableConcept ?? (read.Resolve(medication as ResourceReference) as Hl7.Fhir.Model.Medication)?.Code;
        if (Absent(concept, "no-known-medications", "no-medication-info", ref _medicationsNoneKnown))
        {
            return;
        }

        if (!current)
        {
            losses.Add($"{at}: \"{concept.Readable()}\" is not a current medication");
            return;
        }

        var doses = dosage.Select(d => d.Text).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (doses.Count == 0 && dosage.Count > 0)
        {
            losses.Add($"{at}: the structured dosage of \"{concept.Readable()}\" has no text and is not carried");
        }

        var dose = doses.Count == 0 ? "dose not recorded" : Clean(string.Join("; ", doses));
        Add(_medications, at, concept.Readable(), losses, name => new EmergencyMedication(name, dose), dose);
    }

    public void Problem(Resource resource, string at, List<string> losses)
    {
        if (resource is not Condition c)
        {
            losses.Add($"{at}: not a Condition");
            return;
        }

        if (Absent(c.Code, "no-known-problems", "no-problem-info", ref _problemsNoneKnown))
        {
            return;
        }

        if (InactiveConditions.Contains(c.ClinicalStatus.CodeIn(ConditionClinical)) || Refuted.Contains(c.VerificationStatus.CodeIn("http://terminology.hl7.org/CodeSystem/condition-ver-status")))
        {
            losses.Add($"{at}: \"{c.Code.Readable()}\" is not a current problem");
            return;
        }

        Add(_problems, at, c.Code.Readable(), losses, Clean);
    }

    public void Device(Resource resource, string at, BundleReading read, List<string> losses)
    {
        var device = resource switch
        {
            DeviceUseStatement s when s.Status is DeviceUseStatement.DeviceUseStatementStatus.Active or DeviceUseStatement.DeviceUseStatementStatus.Intended or DeviceUseStatement.DeviceUseStatementStatus.OnHold or null => read.Resolve(s.Device) as Hl7.Fhir.Model.Device,
            Hl7.Fhir.Model.Device d => d,
            _ => null,
        };
        if (device is null)
        {
            losses.Add($"{at}: not a current device use with its Device in the Bundle");
            return;
        }

        if (Absent(device.Type, "no-known-devices", "no-device-info", ref _devicesNoneKnown))
        {
            return;
        }

        Add(_devices, at, device.Type.Readable() ?? device.DeviceName.FirstOrDefault()?.Name, losses, Clean);
    }

    public void Pregnancy(Resource resource, string at, List<string> losses)
    {
        var status = resource is Observation o && o.Code.Has(Loinc, PregnancyStatusCode) ? (o.Value as CodeableConcept).CodeIn(Snomed) : null;
        var pregnancy = status switch
        {
            FhirCodes.Pregnant => PregnancyStatus.Pregnant,
            FhirCodes.NotPregnant => PregnancyStatus.NotPregnant,
            PregnancyUnknown => PregnancyStatus.Unknown,
            _ => PregnancyStatus.NotRecorded,
        };
        if (pregnancy == PregnancyStatus.NotRecorded)
        {
            losses.Add($"{at}: only a pregnancy status (LOINC {PregnancyStatusCode}, SNOMED pregnant / not pregnant / unknown) is carried");
            return;
        }

        _pregnancy = pregnancy;
    }

    public void Directive(Resource resource, string at, List<string> losses)
    {
        switch (resource)
        {
            case Consent { Status: not Consent.ConsentState.Active }:
                losses.Add($"{at}: the consent is not active");
                return;
            case Consent c when c.Provision?.Code.Any(code => code.Has(Snomed, Resuscitation)) == true:
                _resuscitation = c.Provision.Type == Consent.ConsentProvisionType.Deny ? ResuscitationStatus.DoNotResuscitate : ResuscitationStatus.FullResuscitation;
                return;
            case Consent c when c.Provision?.Code.Any(code => code.Has(MedBlocksCodes, FhirCodes.OrganDonation)) == true:
                _organDonation = c.Provision.Type == Consent.ConsentProvisionType.Deny ? SmartCards.Profile.OrganDonation.NotDonor : SmartCards.Profile.OrganDonation.Donor;
                return;
            case Consent { Source: Attachment { Title: { } title }, Provision: null }:
                _directives.Add(Clean(title));
                return;
            case DocumentReference { Description: { } description }:
                _directives.Add(Clean(description));
                return;
            default:
                losses.Add($"{at}: neither a resuscitation or organ donation decision nor a described advance directive");
                return;
        }
    }

    public void Measurement(Resource resource, string at, List<string> losses)
    {
        if (resource is not Observation o || o.Status is ObservationStatus.Cancelled or ObservationStatus.EnteredInError)
        {
            losses.Add($"{at}: not a valid Observation");
            return;
        }

        var code = o.Code.CodeIn(Loinc);
        if (code == FhirCodes.BloodGroup)
        {
            var group = (o.Value as CodeableConcept).Readable()?.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (group is not null && EmergencySummary.BloodGroups.Contains(group) && _bloodGroup is null)
            {
                _bloodGroup = group;
            }
            else
            {
                losses.Add($"{at}: blood group \"{group}\" is not one of {string.Join(", ", EmergencySummary.BloodGroups)}, or a second one");
            }

            return;
        }

        if (code is BloodPressurePanel or "55284-4")
        {
            Value(o.Component.FirstOrDefault(c => c.Code.Has(Loinc, Systolic))?.Value, "mm[Hg]", "systolic", at, losses);
            Value(o.Component.FirstOrDefault(c => c.Code.Has(Loinc, Diastolic))?.Value, "mm[Hg]", "diastolic", at, losses);
            return;
        }

        var (unit, key) = code switch
        {
            HeartRate => ("/min", "heartRate"),
            OxygenSaturation or "2708-6" => ("%", "spo2"),
            BodyWeight or "3141-9" => ("kg", "weight"),
            FhirCodes.Egfr or "33914-3" or "98979-8" => ("mL/min/{1.73_m2}", "egfr"),
            _ => (string.Empty, string.Empty),
        };
        if (key.Length == 0)
        {
            losses.Add($"{at}: \"{o.Code.Readable()}\" ({code ?? "no LOINC code"}) is not a usual value the summary carries");
            return;
        }

        Value(o.Value, unit, key, at, losses);
    }

    public void Contact(Resource resource, string at, List<string> losses)
    {
        if (resource is not RelatedPerson p)
        {
            losses.Add($"{at}: not a RelatedPerson");
            return;
        }

        var name = p.Name.Select(n => n.Text ?? string.Join(' ', n.Given.Append(n.Family).Where(s => !string.IsNullOrWhiteSpace(s)))).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));
        var phone = p.Telecom.FirstOrDefault(t => t.System is ContactPoint.ContactPointSystem.Phone or null && !string.IsNullOrWhiteSpace(t.Value))?.Value;
        if (phone is null)
        {
            losses.Add($"{at}: contact without a phone number");
            return;
        }

        var relation = Clean(p.Relationship.Select(r => r.Readable()).FirstOrDefault(r => r is not null) ?? "contact");
        Add(_contacts, at, name, losses, n => new EmergencyContact(n, relation, Clean(phone)), relation, Clean(phone));
    }

    /// <summary>Lists beyond <see cref="EmergencySummary.MaxItems"/> (the excess is dropped).</summary>
    public IEnumerable<string> Overflow()
    {
        foreach (var (name, count) in new[] { ("allergies", _allergies.Count), ("medications", _medications.Count), ("problems", _problems.Count), ("devices", _devices.Count), ("contacts", _contacts.Count) })
        {
            if (count > EmergencySummary.MaxItems)
            {
                yield return $"{name}: {count - EmergencySummary.MaxItems} entries beyond the {EmergencySummary.MaxItems} a card holds";
            }
        }

        if (_directives.Sum(d => d.Length + 2) - 2 > EmergencySummary.MaxText)
        {
            yield return $"advance directives: their descriptions together are longer than {EmergencySummary.MaxText} characters and are cut";
        }

        foreach (var line in _overflow)
        {
            yield return line;
        }
    }

    public EmergencySummary ToSummary(string author, DateOnly date)
    {
        var directive = _directives.Count == 0 ? null : string.Join("; ", _directives);
        return new EmergencySummary(_allergiesNoneKnown, [.. _allergies.Take(EmergencySummary.MaxItems)], [.. _medications.Take(EmergencySummary.MaxItems)], [.. _problems.Take(EmergencySummary.MaxItems)], _resuscitation, _bloodGroup, [.. _contacts.Take(EmergencySummary.MaxItems)], author, date)
        {
            MedicationsNoneKnown = _medicationsNoneKnown,
            ProblemsNoneKnown = _problemsNoneKnown,
            Devices = [.. _devices.Take(EmergencySummary.MaxItems)],
            DevicesNoneKnown = _devicesNoneKnown,
            Pregnancy = _pregnancy,
            AdvanceDirective = directive is { Length: > EmergencySummary.MaxText } ? directive[..EmergencySummary.MaxText] : directive,
            OrganDonation = _organDonation,
            Baseline = new EmergencyBaseline(Int("systolic"), Int("diastolic"), Int("heartRate"), Int("spo2"), _measurements.TryGetValue("weight", out var w) ? w : null, Int("egfr")),
        };
    }

    /// <summary>True for an IPS absent/unknown code: "none known" sets <paramref name="noneKnownFlag"/>, "no information" leaves the section not recorded.</summary>
    private static bool Absent(CodeableConcept? code, string noneKnown, string noInformation, ref bool noneKnownFlag)
    {
        var absent = code.CodeIn(AbsentUnknown);
        noneKnownFlag |= absent == noneKnown;
        return absent == noneKnown || absent == noInformation;
    }

    private int? Int(string key) => _measurements.TryGetValue(key, out var v) ? (int)v : null;

    private void Value(DataType? value, string unit, string key, string at, List<string> losses)
    {
        var decimals = key == "weight" ? 1 : 0;
        if (value is not Quantity { Value: { } number } quantity || quantity.Code != unit || decimal.Round(number, decimals) != number)
        {
            losses.Add($"{at}: {key} is not a quantity in {unit} with {decimals} decimals");
        }
        else if (!_measurements.TryAdd(key, number))
        {
            losses.Add($"{at}: a second {key} value");
        }
    }

    /// <summary>Adds the entry made from <paramref name="text"/>, unless it or one of its <paramref name="details"/> is missing or too long for the card (a loss).</summary>
    private void Add<T>(List<T> list, string at, string? text, List<string> losses, Func<string, T> make, params string?[] details)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            losses.Add($"{at}: no text or display to show");
            return;
        }

        var clean = Clean(text);
        if (details.Prepend(clean).FirstOrDefault(t => t is { Length: > EmergencySummary.MaxText }) is { } tooLong)
        {
            _overflow.Add($"{at}: \"{tooLong[..40]}…\" is longer than {EmergencySummary.MaxText} characters");
            return;
        }

        list.Add(make(clean));
    }

    /// <summary>
    /// Text from another system made fit for the card: where it holds control characters, line
    /// breaks and tabs become single spaces and other control characters go; other text is kept as is.
    /// </summary>
    private static string Clean(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t')
            {
                if (clean.Length > 0 && clean[^1] != ' ')
                {
                    clean.Append(' ');
                }
            }
            else if (!char.IsControl(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString().Trim();
    }
}
