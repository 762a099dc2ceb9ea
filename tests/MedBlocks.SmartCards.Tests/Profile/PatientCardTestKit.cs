using MedBlocks.Core.Participants;
using MedBlocks.Core.Secrets;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Profile;
using SimStorage = MedBlocks.Simulator.Desfire.DesfireStorageSize;

namespace MedBlocks.SmartCards.Tests.Profile;

/// <summary>Keys, participants and simulated cards shared by the profile tests.</summary>
internal static class PatientCardTestKit
{
    public const string Pin = "482916";
    public const ulong Serial = 0x0123456789ABCDEF;

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    private static readonly Lazy<Participant> Patient2048 = new(() => Participant.Create(ParticipantRole.Patient, 2048));
    private static readonly Lazy<Participant> Patient3072 = new(() => Participant.Create(ParticipantRole.Patient, 3072));
    private static readonly Lazy<Participant> Author = new(() => Participant.Create(ParticipantRole.Practitioner, 2048));
    private static readonly Lazy<Participant> Registrar = new(() => Participant.Create(ParticipantRole.Site, 2048));
    private static readonly Lazy<Participant> Paramedic = new(() => Participant.Create(ParticipantRole.Emergency, 2048));

    public static Participant Patient(int bits) => bits == 3072 ? Patient3072.Value : Patient2048.Value;

    public static Participant Doctor => Author.Value;

    /// <summary>Keys of the staff member of <paramref name="role"/>: the doctor, a registrar (site) or a paramedic (emergency).</summary>
    public static Participant Staff(CardHolderRole role) => role switch
    {
        CardHolderRole.Registrar => Registrar.Value,
        CardHolderRole.Paramedic => Paramedic.Value,
        _ => Doctor,
    };

    /// <summary>A staff card request for <paramref name="role"/> with <see cref="Staff"/> keys.</summary>
    public static PersonalizationRequest StaffRequest(CardHolderRole role, ulong serial) => new()
    {
        Name = role == CardHolderRole.Registrar ? "Ravi Registrar" : "Dr Ada Osei",
        BirthDate = new DateOnly(1980, 6, 1),
        Sex = "unknown",
        IssuerId = 42,
        CreateParticipant = _ => Staff(role),
        Pin = Pin,
        Kdf = Argon2Parameters.FastForTests,
        SignedEmergencySummary = EmergencySummary(),
        CardSerial = serial,
        Role = role,
    };

    public static CardKeyOptions EnrolmentOptions() => new()
    {
        PiccMaster = "00112233445566778899AABBCCDDEEFF",
        ApplicationMaster = "0F1E2D3C4B5A69788796A5B4C3D2E1F0",
        Write = "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF",
        Read = "B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF",
        Emergency = "C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF",
    };

    public static ConfigurationKeyProvider EnrolmentKeys() => new(EnrolmentOptions());

    public static ConfigurationKeyProvider KioskKeys() => new(new CardKeyOptions { Read = EnrolmentOptions().Read });

    public static ConfigurationKeyProvider ParamedicKeys() => new(new CardKeyOptions { Emergency = EnrolmentOptions().Emergency });

    public static EmergencySummary Summary() => new(
        AllergiesNoneKnown: false,
        Allergies: ["penicillin (anaphylaxis)", "latex"],
        Medications: [new("metformin", "500 mg twice daily"), new("lisinopril", "10 mg daily")],
        Problems: ["type 2 diabetes", "hypertension"],
        Resuscitation: ResuscitationStatus.FullResuscitation,
        BloodGroup: "A+",
        Contacts: [new("Sam Tallia", "partner", "+44 20 7946 0958")],
        Author: Doctor.Address,
        Date: new DateOnly(2026, 11, 25));

    /// <summary>The summary signed by its author.</summary>
    public static byte[] EmergencySummary() => Summary().Sign(Doctor);

    public static PersonalizationRequest Request(int? fixedBits = null, ulong? serial = Serial, bool format = false) => new()
    {
        Name = "Jenny Tallia",
        BirthDate = new DateOnly(2003, 2, 23),
        Sex = "female",
        IssuerId = 42,
        CreateParticipant = bits => Patient(fixedBits ?? bits),
        Pin = Pin,
        Kdf = Argon2Parameters.FastForTests,
        SignedEmergencySummary = EmergencySummary(),
        CardSerial = serial,
        FormatIssuedCard = format,
    };

    public static (SimulatedDesfireCard Card, SimulatedCardTransport Transport) BlankCard(bool eightKilobytes = false)
    {
        var card = new SimulatedDesfireCard(CardImage.NewBlank(eightKilobytes ? SimStorage.EightKilobytes : SimStorage.FourKilobytes));
        return (card, new SimulatedCardTransport(card));
    }

    public static FixedTimeProvider Clock() => new(Now);
}
