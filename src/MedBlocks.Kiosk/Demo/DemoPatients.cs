using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Kiosk.Demo;

/// <summary>The fictitious patients the embedded defaults start with (names and data invented).</summary>
public static class DemoPatients
{
    /// <summary>The PIN of every demo card (demo only).</summary>
    public const string Pin = "1234";

    public static IReadOnlyList<DemoPatient> All { get; } =
    [
        new("jenny", "Jenny Tallia", new DateOnly(2003, 2, 23), "female", Pin, (author, date) => new EmergencySummary(
            AllergiesNoneKnown: false,
            Allergies: ["penicillin (anaphylaxis)", "latex"],
            Medications: [new("metformin", "500 mg twice daily")],
            Problems: ["type 2 diabetes"],
            Resuscitation: ResuscitationStatus.FullResuscitation,
            BloodGroup: "A+",
            Contacts: [new("Sam Tallia", "partner", "+44 20 7946 0958")],
            Author: author,
            Date: date)),
        new("omar", "Omar Haddad", new DateOnly(1958, 7, 4), "male", Pin, (author, date) => new EmergencySummary(
            AllergiesNoneKnown: true,
            Allergies: [],
            Medications: [new("apixaban", "5 mg twice daily"), new("bisoprolol", "2.5 mg daily")],
            Problems: ["atrial fibrillation", "heart failure"],
            Resuscitation: ResuscitationStatus.DoNotResuscitate,
            BloodGroup: null,
            Contacts: [new("Leila Haddad", "daughter", "+44 161 496 0321")],
            Author: author,
            Date: date)),
        new("ana", "Ana Costa", new DateOnly(1990, 11, 12), "female", Pin, (author, date) => new EmergencySummary(
            AllergiesNoneKnown: false,
            Allergies: ["peanuts (anaphylaxis)"],
            Medications: [],
            Problems: ["asthma"],
            Resuscitation: ResuscitationStatus.Unknown,
            BloodGroup: "O-",
            Contacts: [],
            Author: author,
            Date: date)),
    ];
}
