using Hl7.Fhir.Model;
using MedBlocks.Core.Participants;
using MedBlocks.SmartCards.Profile;
using static MedBlocks.Fhir.FhirCodes;

namespace MedBlocks.Fhir;

/// <summary>
/// <see cref="EmergencySummary"/> → FHIR R4 IPS document <see cref="Bundle"/>: a Composition
/// (LOINC 60591-5) with one section per IPS section, the Patient given by the caller, the author as
/// a Practitioner identified by their Ed25519 address, and optionally the author's signature over
/// the card JSON in <c>Bundle.signature</c>. The mapping table is in README.md.
/// </summary>
public static class EmergencySummaryBundleWriter
{
    /// <param name="summary">A valid summary.</param>
    /// <param name="subject">The patient (e.g. <see cref="PatientMapping.ToPatient"/>, or one carrying only the card serial at a paramedic station).</param>
    /// <param name="signature">The author's Ed25519 signature over <see cref="EmergencySummary.ToJsonBytes"/>, or empty; it must verify.</param>
    /// <param name="assembled">When the Bundle is made (from the caller's TimeProvider).</param>
    public static Bundle ToBundle(EmergencySummary summary, Patient subject, ReadOnlyMemory<byte> signature, DateTimeOffset assembled)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(subject);
        var json = summary.ToJsonBytes();
        if (!signature.IsEmpty && !Ed25519Address.Verify(summary.Author, json, signature.Span))
        {
            throw new ArgumentException("The signature is not the author's signature over this summary.", nameof(signature));
        }

        var document = new DocumentBuilder(subject, summary);
        document.Section(AllergiesSection, "Allergies and intolerances", Allergies(summary, document.Patient));
        document.Section(MedicationsSection, "Medication summary", Medications(summary, document.Patient));
        document.Section(ProblemsSection, "Problem list", Problems(summary, document.Patient));
        document.Section(DevicesSection, "Medical devices and implants", Devices(summary, document));
        document.Section(PregnancySection, "Pregnancy status", Pregnancy(summary, document.Patient));
        document.Section(AdvanceDirectivesSection, "Advance directives", AdvanceDirectives(summary, document.Patient));
        document.Section(VitalSignsSection, "Usual vital signs", VitalSigns(summary, document.Patient));
        document.Section(ResultsSection, "Results", Results(summary, document.Patient));
        document.Section(ContactsSection, "Emergency contacts", [.. summary.Contacts.Select(c => (Resource)new RelatedPerson
        {
            Patient = document.Patient,
            Name = [new HumanName { Text = c.Name }],
            Relationship = [new CodeableConcept { Text = c.Relation }],
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, c.Phone)],
        })], MedBlocksCodes);

        var bundle = document.Build(assembled);
        if (!signature.IsEmpty)
        {
            bundle.Signature = new Signature
            {
                Type = [new Coding(SignatureType, AuthorSignature, "Author's Signature")],
                When = new DateTimeOffset(summary.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                Who = document.Author,
                SigFormat = SignatureFormat,
                Data = signature.ToArray(),
            };
        }

        return bundle;
    }

    private static List<Resource> Allergies(EmergencySummary summary, ResourceReference patient)
    {
        if (summary.Allergies.Count == 0)
        {
            return [new AllergyIntolerance
            {
                Patient = patient,
                Code = summary.AllergiesNoneKnown ? Concept(AbsentUnknown, "no-known-allergies", "No known allergies") : Concept(AbsentUnknown, "no-allergy-info", "No information about allergies"),
                ClinicalStatus = summary.AllergiesNoneKnown ? Concept(AllergyClinical, "active", "Active") : null,
            }];
        }

        return [.. summary.Allergies.Select(a => (Resource)new AllergyIntolerance
        {
            Patient = patient,
            ClinicalStatus = Concept(AllergyClinical, "active", "Active"),
            Type = a.Intolerance ? AllergyIntolerance.AllergyIntoleranceType.Intolerance : AllergyIntolerance.AllergyIntoleranceType.Allergy,
            Criticality = a.Criticality switch
            {
                AllergyCriticality.Low => AllergyIntolerance.AllergyIntoleranceCriticality.Low,
                AllergyCriticality.High => AllergyIntolerance.AllergyIntoleranceCriticality.High,
                _ => null,
            },
            Code = new CodeableConcept { Text = a.Substance },
            Reaction = a.Reaction is null ? [] : [new AllergyIntolerance.ReactionComponent { Manifestation = [new CodeableConcept { Text = a.Reaction }] }],
        })];
    }

    private static List<Resource> Medications(EmergencySummary summary, ResourceReference patient)
    {
        if (summary.Medications.Count == 0)
        {
            return [new MedicationStatement
            {
                Subject = patient,
                Status = MedicationStatement.MedicationStatusCodes.Unknown,
                Medication = summary.MedicationsNoneKnown ? Concept(AbsentUnknown, "no-known-medications", "No known medications") : Concept(AbsentUnknown, "no-medication-info", "No information about medications"),
            }];
        }

        return [.. summary.Medications.Select(m => (Resource)new MedicationStatement
        {
            Subject = patient,
            Status = MedicationStatement.MedicationStatusCodes.Active,
            Medication = new CodeableConcept { Text = m.Name },
            Dosage = [new Dosage { Text = m.Dose }],
        })];
    }

    private static List<Resource> Problems(EmergencySummary summary, ResourceReference patient)
    {
        if (summary.Problems.Count == 0)
        {
            return [new Condition
            {
                Subject = patient,
                Code = summary.ProblemsNoneKnown ? Concept(AbsentUnknown, "no-known-problems", "No known problems") : Concept(AbsentUnknown, "no-problem-info", "No information about problems"),
            }];
        }

        return [.. summary.Problems.Select(p => (Resource)new Condition
        {
            Subject = patient,
            ClinicalStatus = Concept(ConditionClinical, "active", "Active"),
            Code = new CodeableConcept { Text = p },
        })];
    }

    private static List<Resource> Devices(EmergencySummary summary, DocumentBuilder document)
    {
        IEnumerable<CodeableConcept> types = summary.Devices.Count > 0
            ? summary.Devices.Select(d => new CodeableConcept { Text = d })
            : [summary.DevicesNoneKnown ? Concept(AbsentUnknown, "no-known-devices", "No known devices in use") : Concept(AbsentUnknown, "no-device-info", "No information about devices")];
        return [.. types.Select(type => (Resource)new DeviceUseStatement
        {
            Subject = document.Patient,
            Status = DeviceUseStatement.DeviceUseStatementStatus.Active,
            Device = document.Entry(new Device { Type = type, Patient = document.Patient }),
        })];
    }

    private static List<Resource> Pregnancy(EmergencySummary summary, ResourceReference patient)
    {
        var value = summary.Pregnancy switch
        {
            PregnancyStatus.Pregnant => Concept(Snomed, Pregnant, "Pregnant"),
            PregnancyStatus.NotPregnant => Concept(Snomed, NotPregnant, "Not pregnant"),
            PregnancyStatus.Unknown => Concept(Snomed, PregnancyUnknown, "Unknown"),
            _ => null,
        };
        return value is null ? [] : [Observation(summary, patient, PregnancyStatusCode, "Pregnancy status", "social-history", value, null)];
    }

    private static List<Resource> AdvanceDirectives(EmergencySummary summary, ResourceReference patient)
    {
        var consents = new List<Resource>();
        if (summary.Resuscitation != ResuscitationStatus.Unknown)
        {
            var permit = summary.Resuscitation == ResuscitationStatus.FullResuscitation;
            consents.Add(Consent(summary, patient, permit, Concept(Snomed, Resuscitation, "Cardiopulmonary resuscitation"), permit ? "For resuscitation" : "Do not attempt resuscitation"));
        }

        if (summary.OrganDonation != SmartCards.Profile.OrganDonation.NotRecorded)
        {
            var permit = summary.OrganDonation == SmartCards.Profile.OrganDonation.Donor;
            consents.Add(Consent(summary, patient, permit, Concept(MedBlocksCodes, FhirCodes.OrganDonation, "Organ donation"), permit ? "Organ donor" : "Not an organ donor"));
        }

        if (summary.AdvanceDirective is { } directive)
        {
            var consent = Consent(summary, patient, null, null, "Advance directive");
            consent.Source = new Attachment { Title = directive };
            consents.Add(consent);
        }

        return consents;
    }

    private static Consent Consent(EmergencySummary summary, ResourceReference patient, bool? permit, CodeableConcept? action, string rule) => new()
    {
        Status = Hl7.Fhir.Model.Consent.ConsentState.Active,
        Scope = Concept(ConsentScope, "adr", "Advanced Care Directive"),
        Category = [Concept(Loinc, ConsentDocument, "Patient Consent")],
        Patient = patient,
        DateTime = PatientMapping.Date(summary.Date),
        PolicyRule = new CodeableConcept { Text = rule },
        Provision = permit is null ? null : new Consent.provisionComponent
        {
            Type = permit.Value ? Hl7.Fhir.Model.Consent.ConsentProvisionType.Permit : Hl7.Fhir.Model.Consent.ConsentProvisionType.Deny,
            Code = [action!],
        },
    };

    private static List<Resource> VitalSigns(EmergencySummary summary, ResourceReference patient)
    {
        var b = summary.Baseline;
        var observations = new List<Resource>();
        if (b.SystolicMmHg is { } systolic && b.DiastolicMmHg is { } diastolic)
        {
            var panel = Observation(summary, patient, BloodPressurePanel, "Blood pressure panel", "vital-signs", null, null);
            panel.Component =
            [
                new Observation.ComponentComponent { Code = Concept(Loinc, Systolic, "Systolic blood pressure"), Value = Quantity(systolic, "mm[Hg]", "mmHg") },
                new Observation.ComponentComponent { Code = Concept(Loinc, Diastolic, "Diastolic blood pressure"), Value = Quantity(diastolic, "mm[Hg]", "mmHg") },
            ];
            observations.Add(panel);
        }

        if (b.HeartRatePerMinute is { } rate)
        {
            observations.Add(Observation(summary, patient, HeartRate, "Heart rate", "vital-signs", Quantity(rate, "/min", "beats/minute"), null));
        }

        if (b.SpO2Percent is { } spo2)
        {
            observations.Add(Observation(summary, patient, OxygenSaturation, "Oxygen saturation by pulse oximetry", "vital-signs", Quantity(spo2, "%", "%"), null));
        }

        if (b.WeightKg is { } weight)
        {
            observations.Add(Observation(summary, patient, BodyWeight, "Body weight", "vital-signs", Quantity(weight, "kg", "kg"), null));
        }

        return observations;
    }

    private static List<Resource> Results(EmergencySummary summary, ResourceReference patient)
    {
        var observations = new List<Resource>();
        if (summary.Baseline.Egfr is { } egfr)
        {
            observations.Add(Observation(summary, patient, Egfr, "eGFR (CKD-EPI)", "laboratory", Quantity(egfr, "mL/min/{1.73_m2}", "mL/min/1.73 m²"), null));
        }

        if (summary.BloodGroup is { } group)
        {
            observations.Add(Observation(summary, patient, BloodGroup, "ABO and Rh group", "laboratory", new CodeableConcept { Text = group }, EmergencySummary.BloodGroupNotice));
        }

        return observations;
    }

    private static Observation Observation(EmergencySummary summary, ResourceReference patient, string loinc, string display, string category, DataType? value, string? note)
    {
        var observation = new Observation
        {
            Status = ObservationStatus.Final,
            Category = [Concept(ObservationCategory, category, category)],
            Code = Concept(Loinc, loinc, display),
            Subject = patient,
            Effective = new FhirDateTime(PatientMapping.Date(summary.Date)),
            Value = value,
        };
        if (category is "vital-signs" or "laboratory" && loinc != BloodGroup)
        {
            observation.Note = [new Annotation { Text = UsualValueNote }];
        }
        else if (note is not null)
        {
            observation.Note = [new Annotation { Text = note }];
        }

        return observation;
    }

    /// <summary>The note on every baseline Observation.</summary>
    public const string UsualValueNote = "Usual (baseline) value for this patient.";

    private static Quantity Quantity(decimal value, string ucum, string unit) => new() { Value = value, Unit = unit, System = Ucum, Code = ucum };
}
