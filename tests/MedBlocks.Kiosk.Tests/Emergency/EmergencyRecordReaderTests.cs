using System.Text;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Sharing;
using MedBlocks.Kiosk.Emergency;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Kiosk.Tests.Emergency;

/// <summary>
/// The online records as a signed-in paramedic reads them, for a patient with every kind of record:
/// shown, not displayable, tampered, no key for the paramedic, refused by the patient, unreachable, not emergency.
/// </summary>
public sealed class EmergencyRecordReaderTests(EmergencyDemoSite site) : IClassFixture<EmergencyDemoSite>
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
            [EmergencyRecordState.Shown, EmergencyRecordState.NotDisplayable, EmergencyRecordState.Tampered, EmergencyRecordState.NoKey, EmergencyRecordState.Unavailable],
            list.Records.Select(r => r.State));
        Assert.Equal(("Allergy action plan", "Allergy action plan\nAdrenaline 0.5 mg IM."), (list.Records[0].Title, list.Records[0].Text));
        Assert.All(list.Records.Skip(1), r => Assert.Null(r.Text));
        Assert.Equal(author.Address[..8] + "…", list.Records[0].Author);
        Assert.Equal(1, list.Withheld);
        Assert.DoesNotContain(list.Records, r => r.MedBlock == refused.Hash);
        // Shown, not displayable, tampered and unreachable were each audited before the store was asked.
        Assert.Equal(4, list.LedgerAudits);
        Assert.Equal(4, await EmergencyAccessCountAsync(station.Ledger) - before);
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
