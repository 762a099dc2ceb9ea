using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Secrets;
using MedBlocks.Core.Sharing;
using MedBlocks.Ledger;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.SmartCards.Profile;
using MedBlocks.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MedBlocks.Pcsc.Tests.Integration;

/// <summary>
/// The patient card's life through pcscd and vpcd to simulated cards: personalise, check-in read with
/// PIN, emergency read, grant from the card, re-issue onto a second card, and the old card refused.
/// </summary>
[Collection(PcscdTestGroup.Name)]
public sealed class PatientCardThroughPcscdTests(PcscdFixture pcscd, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Pin = "482916";
    private const string NewPin = "735102";
    private const string BackupPassphrase = "correct horse battery staple";

    private static readonly CardKeyOptions Masters = new()
    {
        PiccMaster = "00112233445566778899AABBCCDDEEFF",
        ApplicationMaster = "0F1E2D3C4B5A69788796A5B4C3D2E1F0",
        Write = "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF",
        Read = "B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF",
        Emergency = "C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF",
    };

    private readonly string ledgerDirectory = Directory.CreateTempSubdirectory("medblocks-card-e2e-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
    private VirtualCardSlots slots = null!;

    public async Task InitializeAsync()
    {
        Assert.True(pcscd.Pid > 0);
        slots = await VirtualCardSlots.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        await slots.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(ledgerDirectory, recursive: true);
    }

    [Fact]
    public async Task PatientCard_PersonaliseReadGrantReissue_OldCardRefused()
    {
        using var patient = Participant.Create(ParticipantRole.Patient, 2048);
        using var doctor = Participant.Create(ParticipantRole.Practitioner, 2048);
        using var colleague = Participant.Create(ParticipantRole.Practitioner, 2048);
        using var ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(ledgerDirectory, "ledger.db"), Durability = SqliteDurability.Normal }, clock);
        foreach (var p in new[] { patient, doctor, colleague })
        {
            await ledger.AppendAsync(p, new IdentityDeclaration(p.Address, p.Role, Convert.ToBase64String(p.EncryptionPublicKey.Span)));
        }

        var service = new MedBlockService(ledger, new MemoryRecordStore(), EmergencyServiceKeys.None, clock);
        using var enrolment = new ConfigurationKeyProvider(Masters);
        using var kioskKeys = new ConfigurationKeyProvider(new CardKeyOptions { Read = Masters.Read });
        using var paramedicKeys = new ConfigurationKeyProvider(new CardKeyOptions { Emergency = Masters.Emergency });
        var revocations = new LedgerCardRevocationCheck(ledger);
        var summary = Summary(doctor);
        var signedSummary = summary.Sign(doctor);

        // Personalise card A in slot 0.
        await InsertAsync(0);
        PersonalizationResult issued;
        await using (var connection = PcscCardConnection.Open(PcscdFixture.Slot0Reader))
        {
            issued = await new CardPersonalizer(enrolment, clock).PersonalizeAsync(connection, Request(_ => patient, signedSummary, Pin));
            output.WriteLine($"personalised through pcscd: serial {issued.Info.SerialText}, RSA {issued.RsaKeySize}, free {issued.FreeMemoryAfter} B");
        }

        // Check-in read, PIN, then a grant from the card.
        var record = await AddRecordAsync(service, doctor, patient.Address, "HbA1c 41 mmol/mol");
        await using (var connection = PcscCardConnection.Open(PcscdFixture.Slot0Reader))
        {
            using var reader = new PatientCardReader(connection, kioskKeys, new StationIdentity("kiosk-1", StationRole.CheckIn), new PinAttemptLimiter(clock), clock, revocations);
            var read = await reader.ReadForCheckInAsync();
            Assert.Equal("Jenny Tallia", read.Identity.Name);
            Assert.Equal(patient.Address, read.Identity.Address);
            var grant = await new CardSharing(service).GrantAsync(reader, Pin, record.Hash, colleague.Address);
            Assert.NotNull(grant);
            Assert.Equal(patient.Address, grant.Author);
            Assert.Equal([AccessLogAction.ReadIdentity, AccessLogAction.Grant], (await reader.ReadAccessLogAsync()).Select(r => r.Action));
        }

        using (var plain = new MemoryStream())
        {
            await service.ReadRecordAsync(colleague, record.Hash, plain);
            Assert.Equal("HbA1c 41 mmol/mol", System.Text.Encoding.UTF8.GetString(plain.ToArray()));
        }

        // Emergency read with the paramedic key only.
        await using (var connection = PcscCardConnection.Open(PcscdFixture.Slot0Reader))
        {
            using var reader = new PatientCardReader(connection, paramedicKeys, new StationIdentity("ambulance-7", StationRole.Emergency), new PinAttemptLimiter(clock), clock);
            var read = await reader.ReadForEmergencyAsync();
            Assert.Equal(summary.ToJsonBytes(), read.Summary.ToJsonBytes());
        }

        // Card A is lost: re-issue onto card B in slot 1 from the patient's backup key file.
        await InsertAsync(1);
        var backup = ParticipantKeyFile.Seal(patient, BackupPassphrase, Argon2Parameters.FastForTests);
        CardReissueResult reissued;
        await using (var connection = PcscCardConnection.Open(PcscdFixture.Slot1Reader))
        {
            reissued = await new CardReissue(new CardPersonalizer(enrolment, clock), ledger).ReissueAsync(
                connection, new CardReissueRequest(backup, BackupPassphrase, issued.Info.SerialText), Request(_ => throw new InvalidOperationException(), signedSummary, NewPin));
        }

        Assert.NotNull(reissued.Revocation);
        Assert.NotEqual(issued.Info.SerialText, reissued.Card.Info.SerialText);
        await using (var connection = PcscCardConnection.Open(PcscdFixture.Slot1Reader))
        {
            using var reader = new PatientCardReader(connection, kioskKeys, new StationIdentity("kiosk-1", StationRole.CheckIn), new PinAttemptLimiter(clock), clock, revocations);
            var read = await reader.ReadForCheckInAsync();
            using var keys = await reader.UnlockKeyMaterialAsync(NewPin);
            Assert.Equal(patient.Address, read.Identity.Address);
            Assert.Equal(patient.EncryptionKeyFingerprint, keys.EncryptionKeyFingerprint);
        }

        await using (var connection = PcscCardConnection.Open(PcscdFixture.Slot0Reader))
        {
            using var reader = new PatientCardReader(connection, kioskKeys, new StationIdentity("kiosk-1", StationRole.CheckIn), new PinAttemptLimiter(clock), clock, revocations);
            var refused = await Assert.ThrowsAsync<PatientCardException>(() => reader.ReadForCheckInAsync());
            Assert.Equal(PatientCardError.Revoked, refused.Error);
            Assert.Contains("revoked (lost)", refused.Message, StringComparison.Ordinal);
        }
    }

    private static PersonalizationRequest Request(Func<int, Participant> keys, byte[] signedSummary, string pin) => new()
    {
        Name = "Jenny Tallia",
        BirthDate = new DateOnly(2003, 2, 23),
        Sex = "female",
        IssuerId = 42,
        CreateParticipant = keys,
        Pin = pin,
        Kdf = Argon2Parameters.FastForTests,
        SignedEmergencySummary = signedSummary,
    };

    private static EmergencySummary Summary(Participant author) => new(
        AllergiesNoneKnown: false,
        Allergies: ["penicillin (anaphylaxis)"],
        Medications: [new("metformin", "500 mg twice daily")],
        Problems: ["type 2 diabetes"],
        Resuscitation: ResuscitationStatus.FullResuscitation,
        BloodGroup: "A+",
        Contacts: [new("Sam Tallia", "partner", "+44 20 7946 0958")],
        Author: author.Address,
        Date: new DateOnly(2026, 11, 25));

    private static async Task<MedBlockView> AddRecordAsync(MedBlockService service, Participant author, string patient, string text)
    {
        using var plaintext = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return await service.AddRecordAsync(author, patient, plaintext, "text/plain", emergency: false);
    }

    private Task InsertAsync(int slot) => slots.InsertAsync(new SimulatedDesfireCard(CardImage.NewBlank(DesfireStorageSize.FourKilobytes)), slot);
}
