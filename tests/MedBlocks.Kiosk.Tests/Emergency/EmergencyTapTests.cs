using MedBlocks.Core.Ledger;
using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Emergency;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Profile;
using MedBlocks.SmartCards.Transport;
using Xunit.Abstractions;

using MedBlocks.Kiosk.Tests.Demo;

namespace MedBlocks.Kiosk.Tests.Emergency;

/// <summary>Taps at a paramedic station in process: the sign-in gate, the staff-card routing, the online records and their audit.</summary>
public sealed class EmergencyTapTests(DemoSiteFixture site, ITestOutputHelper output) : IClassFixture<DemoSiteFixture>
{
    [Fact]
    public async Task SignedIn_TapRead_CountsApdus_AndTheCardLogAfterwards()
    {
        await using var station = new EmergencyStationHarness(site);
        await station.StartAsync();
        await station.SignInAsync();
        var card = new SimulatedDesfireCard(CardImage.Load(site.Catalog.Find("ana")!.ImagePath));
        card.PowerOn();
        var transport = new SimulatedCardTransport(card);
        using var keys = new ConfigurationKeyProvider(station.Options.CardKeys);
        var station3 = new StationIdentity(EmergencyStationHarness.StationAddress, StationRole.Emergency);
        var limiter = new PinAttemptLimiter(station.Time);
        var taps = new EmergencyTapReader(keys, station3, limiter, station.Staff, station.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<EmergencyTapReader>.Instance);

        var read = Assert.IsType<EmergencySummaryRead>(await taps.ReadAsync(transport, station.Time.GetUtcNow(), CancellationToken.None));
        var tapApdus = transport.CommandsSent;
        transport.ResetCounters();
        using var reader = new PatientCardReader(transport, keys, station3, limiter, station.Time);
        Assert.True(await reader.RecordEmergencyRecordsReadAsync(read.CardSerial));
        var logApdus = transport.CommandsSent;
        output.WriteLine($"emergency tap (summary K3 + identity K2, two log records): {tapApdus} APDUs; records-read log record (K3): {logApdus} APDUs");

        // Regression guard on the card exchange (8 KB demo card, whose reader answers GET DATA for the UID).
        Assert.Equal((24, 7), (tapApdus, logApdus));
    }

    [Fact]
    public async Task SignedIn_LostCardRevokedOnTheLedger_SummaryShownWithTheReason_CurrentCardWithout()
    {
        await using var station = new EmergencyStationHarness(site);
        await station.StartAsync();
        await station.SignInAsync();

        var lost = Assert.IsType<EmergencySummaryRead>(await station.TapAsync(DemoSeeder.RevokedCardId));
        await station.RemoveAsync();
        var current = Assert.IsType<EmergencySummaryRead>(await station.TapAsync("omar"));
        await station.RemoveAsync();

        Assert.Equal(CardRevocationReason.Lost, lost.Revoked);
        Assert.Equal(ResuscitationStatus.DoNotResuscitate, lost.Summary.Resuscitation);
        Assert.Null(current.Revoked);
    }

    [Fact]
    public async Task SignedOut_PatientTap_ReadsNothingForTheScreen()
    {
        await using var station = new EmergencyStationHarness(site);
        await station.StartAsync();
        var logBefore = await station.CardLogAsync("ana");

        var shown = await station.TapAsync("ana");
        await station.RemoveAsync();

        Assert.IsType<EmergencySignInRequired>(shown);
        Assert.DoesNotContain(station.Seen(), e => e is EmergencySummaryRead or EmergencyRecordsRead);
        // Nothing was read from the card by the tap itself (the sign-in panel reads whose card it is).
        Assert.Equal(logBefore, await station.CardLogAsync("ana"));
    }

    [Theory]
    [InlineData(3)] // during the summary read
    [InlineData(18)] // during the identity read, after the summary was read
    public async Task SignedIn_CardPulledDuringTheTap_NothingShown_CardRemovedRaised(int apdus)
    {
        await using var station = new EmergencyStationHarness(site);
        await station.StartAsync();
        await station.SignInAsync();
        var card = new SimulatedDesfireCard(CardImage.Load(site.Catalog.Find("ana")!.ImagePath));
        card.PowerOn();
        card.Faults.CutPowerAfter(apdus);
        using var keys = new ConfigurationKeyProvider(station.Options.CardKeys);
        var taps = new EmergencyTapReader(keys, new StationIdentity(EmergencyStationHarness.StationAddress, StationRole.Emergency), new PinAttemptLimiter(station.Time), station.Staff, station.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<EmergencyTapReader>.Instance);

        // The tap processor turns this into "hold the card still and tap again"; no summary of a card whose holder is unknown.
        await Assert.ThrowsAsync<CardRemovedException>(() => taps.ReadAsync(new SimulatedCardTransport(card), station.Time.GetUtcNow(), CancellationToken.None));
    }

    [Fact]
    public async Task SignedIn_PatientTap_SummaryThenEmergencyRecord_AuditedOnLedgerAndCard()
    {
        await using var station = new EmergencyStationHarness(site);
        await station.StartAsync();
        var session = await station.SignInAsync();
        var auditsBefore = await EmergencyAccessesAsync(station.Ledger, session.Address);

        var summary = Assert.IsType<EmergencySummaryRead>(await station.TapAsync("jenny"));
        var records = await station.RecordsAsync();
        await station.RemoveAsync();

        Assert.Equal("penicillin (anaphylaxis)", summary.Summary.Allergies[0].ToString());
        var jenny = Assert.IsType<string>(summary.PatientAddress);
        Assert.Equal((summary.CardSerial, summary.CardEventTime), (records.CardSerial, records.CardEventTime));
        var list = records.Records;
        Assert.True(list.Available);
        var record = Assert.Single(list.Records);
        Assert.Equal(EmergencyRecordState.Shown, record.State);
        Assert.Equal("Emergency care plan (demo) for jenny.", record.Title);
        Assert.Contains("escalation contacts", record.Text, StringComparison.Ordinal);
        Assert.Equal("Dr Aisha Rahman", record.Author);
        Assert.Equal(("Alex M.", CardHolderRole.Paramedic, 1, true), (list.ReaderMaskedName, list.ReaderRole, list.LedgerAudits, list.CardLogged));
        var audits = await EmergencyAccessesAsync(station.Ledger, session.Address);
        var audit = Assert.Single(audits.Skip(auditsBefore.Count));
        Assert.Equal((jenny, record.MedBlock, EmergencyRecordReader.AuditReason), (audit.Patient, audit.MedBlock, audit.Reason));
        var log = await station.CardLogAsync("jenny");
        Assert.Equal([AccessLogAction.ReadEmergency, AccessLogAction.ReadIdentity, AccessLogAction.ReadEmergencyRecords], log.TakeLast(3).Select(r => r.Action));
        Assert.All(log.TakeLast(3), r => Assert.Equal((AccessLogRecord.StationIdOf(EmergencyStationHarness.StationAddress), StationRole.Emergency), (r.StationId, r.Role)));
    }

    [Fact]
    public async Task SignedIn_CardRemovedBeforeTheRecords_AuditOnLedgerOnly()
    {
        GatedLedger? ledger = null;
        await using var station = new EmergencyStationHarness(site, inner => ledger = new GatedLedger(inner));
        await station.StartAsync();
        await station.SignInAsync();
        ledger!.Close();
        await station.TapAsync("omar");
        // The card leaves while the records are still being fetched; the card log then finds no card.
        await station.RemoveAsync();
        ledger.Open();

        var records = await station.RecordsAsync();

        Assert.Equal(1, records.Records.LedgerAudits);
        Assert.False(records.Records.CardLogged);
    }

    [Theory]
    [InlineData("paramedic")]
    [InlineData("registrar")]
    public async Task SignedIn_StaffCardTap_SaysStaffCard_NoSummaryNoRecords(string card)
    {
        await using var station = new EmergencyStationHarness(site);
        await station.StartAsync();
        await station.SignInAsync();

        var shown = await station.TapAsync(card);
        await station.Follower.IdleAsync();
        await station.RemoveAsync();

        Assert.IsType<StaffCardTapped>(shown);
        Assert.DoesNotContain(station.Seen(), e => e is EmergencySummaryRead or EmergencyRecordsRead);
    }

    [Fact]
    public async Task SignedIn_SignedSummary_ForeignAndBlankCardsRefused()
    {
        await using var station = new EmergencyStationHarness(site);
        await station.StartAsync();
        await station.SignInAsync();

        var omar = await station.TapAsync("omar");
        var foreign = await station.TapAsync(MedBlocks.Kiosk.Demo.DemoSeeder.ForeignCardId);
        var blank = await station.TapAsync(MedBlocks.Kiosk.Demo.DemoSeeder.BlankCardId);
        await station.RemoveAsync();

        Assert.Equal(ResuscitationStatus.DoNotResuscitate, Assert.IsType<EmergencySummaryRead>(omar).Summary.Resuscitation);
        Assert.Equal(CardProblemKind.ForeignCard, Assert.IsType<CardProblem>(foreign).Kind);
        Assert.Equal(CardProblemKind.ForeignCard, Assert.IsType<CardProblem>(blank).Kind);
    }

    [Fact]
    public async Task IdleSignOut_AfterStaffIdleTimeout_EndsTheSession()
    {
        await using var station = new EmergencyStationHarness(site);
        await station.StartAsync();
        await station.SignInAsync();
        station.Time.Advance(TimeSpan.FromMinutes(4));
        station.Staff.Touch();
        station.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.NotNull(station.Staff.Current);

        station.Time.Advance(TimeSpan.FromMinutes(1.1));

        Assert.Null(station.Staff.Current);
        Assert.IsType<EmergencySignInRequired>(await station.TapAsync("jenny"));
        await station.RemoveAsync();
    }

    private static async Task<List<EmergencyAccess>> EmergencyAccessesAsync(ILedger ledger, string author)
    {
        var found = new List<EmergencyAccess>();
        await foreach (var entry in ledger.ReadSinceAsync(0))
        {
            if (entry.Kind == LedgerEntryKinds.EmergencyAccess && entry.Author == author)
            {
                found.Add(EmergencyAccess.Parse(entry.Body));
            }
        }

        return found;
    }
}
