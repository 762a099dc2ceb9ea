using System.Text;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Sharing;
using MedBlocks.Core.Secrets;
using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Emergency;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Profile;

using MedBlocks.Kiosk.Tests.Demo;

namespace MedBlocks.Kiosk.Tests.Emergency;

/// <summary>
/// The online records as a signed-in paramedic reads them, for a patient with every kind of record:
/// shown, not displayable, tampered, no key for the paramedic, refused by the patient, unreachable, not emergency.
/// </summary>
public sealed class EmergencyRecordReaderTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    [Fact]
    public async Task EveryKindOfRecord_ListedAsItCanBeRead_RefusedNotRead_AuditsOnlyForReads()
    {
        FaultyRecordStore? store = null;
        await using var station = new EmergencyStationHarness(site, storeFor: inner => store = new FaultyRecordStore(inner));
        await station.StartAsync();
        var session = await station.SignInAsync();
        using var patient = await DeclaredAsync(station.Ledger, ParticipantRole.Patient);
        using var author = await DeclaredAsync(station.Ledger, ParticipantRole.Practitioner);
        using var otherService = await DeclaredAsync(station.Ledger, ParticipantRole.Emergency);
        var forParamedic = new MedBlockService(station.Ledger, station.Store, new EmergencyServiceKeys([session.Address]), TimeProvider.System);
        var forOther = new MedBlockService(station.Ledger, station.Store, new EmergencyServiceKeys([otherService.Address]), TimeProvider.System);
        await AddAsync(forParamedic, author, patient, "Allergy action plan\nAdrenaline 0.5 mg IM.", "text/plain;charset=utf-8", emergency: true);
        await AddAsync(forParamedic, author, patient, "%PDF-1.7 demo", "application/pdf", emergency: true);
        await AddAsync(forParamedic, author, patient, "Long log\n" + new string('x', EmergencyRecordReader.MaxDisplayedBytes), "text/plain", emergency: true);
        var tampered = await AddAsync(forParamedic, author, patient, "Tampered plan", "text/plain", emergency: true);
        await AddAsync(forOther, author, patient, "Other service only", "text/plain", emergency: true);
        var refused = await AddAsync(forParamedic, author, patient, "Refused plan", "text/plain", emergency: true);
        await forParamedic.RefuseAsync(patient, refused.Hash);
        var unreachable = await AddAsync(forParamedic, author, patient, "Unreachable plan", "text/plain", emergency: true);
        await AddAsync(forParamedic, author, patient, "Routine letter", "text/plain", emergency: false);
        store!.Tampered.Add(tampered.Cid);
        store.Unreachable.Add(unreachable.Cid);
        var before = await EmergencyAccessCountAsync(station.Ledger);

        var list = await station.RecordReader.ReadAsync(session, patient.Address, CancellationToken.None);

        Assert.True(list.Available);
        Assert.Equal(
            [EmergencyRecordState.Shown, EmergencyRecordState.NotDisplayable, EmergencyRecordState.NotDisplayable, EmergencyRecordState.Tampered, EmergencyRecordState.NoKey, EmergencyRecordState.Unavailable],
            list.Records.Select(r => r.State));
        Assert.Equal(("Allergy action plan", "Allergy action plan\nAdrenaline 0.5 mg IM."), (list.Records[0].Title, list.Records[0].Text));
        Assert.All(list.Records.Skip(1), r => Assert.Null(r.Text));
        Assert.Equal(author.Address[..8] + "…", list.Records[0].Author);
        Assert.Equal(1, list.Withheld);
        Assert.DoesNotContain(list.Records, r => r.MedBlock == refused.Hash);
        // Shown, not displayable (2), tampered and unreachable were each audited before the store was asked.
        Assert.Equal(5, list.LedgerAudits);
        Assert.Equal(5, await EmergencyAccessCountAsync(station.Ledger) - before);
    }

    [Fact]
    public async Task Practitioner_ReadAuditedOnTheLedgerByTheStation()
    {
        await using var station = new EmergencyStationHarness(site);
        await station.StartAsync();
        using var patient = await DeclaredAsync(station.Ledger, ParticipantRole.Patient);
        using var service = await DeclaredAsync(station.Ledger, ParticipantRole.Emergency);
        using var doctor = await PractitionerCardAsync(station, "er-doctor");
        var records = new MedBlockService(station.Ledger, station.Store, new EmergencyServiceKeys([service.Address]), TimeProvider.System);
        var plan = await AddAsync(records, doctor, patient, "ER handover plan", "text/plain", emergency: true);
        var session = await station.SignInAsync("er-doctor");
        var before = await EmergencyAccessCountAsync(station.Ledger);

        var list = await station.RecordReader.ReadAsync(session, patient.Address, CancellationToken.None);

        var record = Assert.Single(list.Records);
        Assert.Equal((EmergencyRecordState.Shown, "ER handover plan"), (record.State, record.Text));
        Assert.Equal((1, CardHolderRole.Practitioner), (list.LedgerAudits, list.ReaderRole));
        Assert.Equal(before + 1, await EmergencyAccessCountAsync(station.Ledger));
        var entry = await LastEmergencyAccessAsync(station.Ledger);
        Assert.Equal((doctor.Address, plan.Hash), (entry.Author, EmergencyAccess.Parse(entry.Body).MedBlock));
    }

    [Fact]
    public async Task LedgerUnreachable_ListUnavailable_NothingAudited()
    {
        GatedLedger? ledger = null;
        await using var station = new EmergencyStationHarness(site, inner => ledger = new GatedLedger(inner));
        await station.StartAsync();
        var session = await station.SignInAsync();
        ledger!.Unreachable = true;
        var before = await EmergencyAccessCountAsync(station.Ledger);

        var list = await station.RecordReader.ReadAsync(session, session.Address, CancellationToken.None);

        Assert.False(list.Available);
        Assert.Empty(list.Records);
        Assert.Equal(before, await EmergencyAccessCountAsync(station.Ledger));
    }

    [Fact]
    public async Task SignedOutMeanwhile_ReadStops()
    {
        await using var station = new EmergencyStationHarness(site);
        await station.StartAsync();
        var session = await station.SignInAsync();
        using var patient = await DeclaredAsync(station.Ledger, ParticipantRole.Patient);
        using var author = await DeclaredAsync(station.Ledger, ParticipantRole.Practitioner);
        await AddAsync(new MedBlockService(station.Ledger, station.Store, new EmergencyServiceKeys([session.Address]), TimeProvider.System), author, patient, "Plan", "text/plain", emergency: true);

        station.Staff.SignOut();

        await Assert.ThrowsAsync<StaffSessionEndedException>(() => station.RecordReader.ReadAsync(session, patient.Address, CancellationToken.None));
    }

    private static async Task<Participant> DeclaredAsync(ILedger ledger, ParticipantRole role)
    {
        var participant = Participant.Create(role, 2048);
        await ledger.AppendAsync(participant, new IdentityDeclaration(participant.Address, role, Convert.ToBase64String(participant.EncryptionPublicKey.Span)));
        return participant;
    }

    /// <summary>An ER practitioner's staff card in the demo catalog, its keys declared on the ledger; returns the practitioner's keys.</summary>
    private static async Task<Participant> PractitionerCardAsync(EmergencyStationHarness station, string id)
    {
        using var keys = new ConfigurationKeyProvider(station.Options.CardKeys);
        using var summaryAuthor = Participant.Create(ParticipantRole.Practitioner, 2048);
        Participant? holder = null;
        var card = new SimulatedDesfireCard(CardImage.NewBlank(DesfireStorageSize.EightKilobytes));
        await new CardPersonalizer(keys, TimeProvider.System).PersonalizeAsync(new SimulatedCardTransport(card), new PersonalizationRequest
        {
            Name = "Sam Carter",
            BirthDate = new DateOnly(1980, 2, 3),
            Sex = "other",
            IssuerId = 1,
            Role = CardHolderRole.Practitioner,
            CreateParticipant = bits => holder = Participant.Create(ParticipantRole.Practitioner, bits),
            Pin = DemoPatients.Pin,
            Kdf = Argon2Parameters.FastForTests,
            SignedEmergencySummary = new EmergencySummary(true, [], [], [], ResuscitationStatus.Unknown, null, [], summaryAuthor.Address, new DateOnly(2026, 11, 1)).Sign(summaryAuthor),
        });
        card.PowerOff();
        await station.Ledger.AppendAsync(holder!, new IdentityDeclaration(holder!.Address, ParticipantRole.Practitioner, Convert.ToBase64String(holder.EncryptionPublicKey.Span)));
        station.Site.Catalog.Add(id, "ER practitioner (test)", card.State);
        return holder;
    }

    private static async Task<LedgerEntry> LastEmergencyAccessAsync(ILedger ledger)
    {
        LedgerEntry? last = null;
        await foreach (var entry in ledger.ReadSinceAsync(0))
        {
            last = entry.Kind == LedgerEntryKinds.EmergencyAccess ? entry : last;
        }

        return last!;
    }

    private static async Task<MedBlockView> AddAsync(MedBlockService service, Participant author, Participant patient, string text, string contentType, bool emergency)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await service.AddRecordAsync(author, patient.Address, content, contentType, emergency);
    }

    private static async Task<int> EmergencyAccessCountAsync(ILedger ledger)
    {
        var count = 0;
        await foreach (var entry in ledger.ReadSinceAsync(0))
        {
            count += entry.Kind == LedgerEntryKinds.EmergencyAccess ? 1 : 0;
        }

        return count;
    }
}
