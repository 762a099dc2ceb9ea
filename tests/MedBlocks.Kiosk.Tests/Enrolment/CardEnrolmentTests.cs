using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Enrolment;
using MedBlocks.Kiosk.Tests.CheckIn;
using MedBlocks.Ledger;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedBlocks.Kiosk.Tests.Enrolment;

/// <summary>The enrolment service on a simulated blank card and an embedded ledger that can be made unreachable.</summary>
public sealed class CardEnrolmentTests : IDisposable
{
    private const string Reader = "test reader";
    private readonly KioskTestKit kit = new();
    private readonly SimulatedDesfireCard card = new(CardImage.NewBlank(DesfireStorageSize.EightKilobytes));
    private readonly SqliteLedger sqlite;
    private readonly UnreachableLedger ledger;
    private readonly ConfigurationKeyProvider keys = new(KioskTestKit.DevelopmentCardKeys());
    private readonly CardInReader reader;
    private readonly PatientBackups backups;
    private readonly CardEnrolment enrolment;
    private readonly Participant registrar = Participant.Create(ParticipantRole.Site, 2048);

    public CardEnrolmentTests()
    {
        sqlite = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(kit.Folder, "ledger.db") });
        ledger = new UnreachableLedger(sqlite);
        card.PowerOn();
        reader = new CardInReader(new OneCard(card));
        reader.Arrived(Reader);
        var options = Microsoft.Extensions.Options.Options.Create(kit.Options);
        backups = new PatientBackups(options);
        enrolment = new CardEnrolment(
            reader, keys, new StationIdentity("11111111111111111111111111111111", StationRole.Enrolment), new PinAttemptLimiter(kit.Time),
            ledger, backups, Microsoft.Extensions.Options.Options.Create(new EnrolmentOptions { KdfCost = CardKdfCost.Fast }), TimeProvider.System,
            NullLogger<CardEnrolment>.Instance, new LedgerCardRevocationCheck(ledger));
    }

    private static EnrolmentDetails Details() => new()
    {
        Name = "Noah Berg",
        BirthDate = "2011-01-15",
        Sex = "male",
        AllergyChoice = EnrolmentDetails.AllergiesNoneKnown,
    };

    [Fact]
    public async Task Enrol_IssuesVerifiedCard_DeclaredWithBackupOpenedByRecoveryCode()
    {
        var steps = new List<EnrolmentStep>();

        var result = await enrolment.EnrolAsync(registrar, Details(), "2468", formatIssuedCard: false, new InlineProgress(steps), CancellationToken.None);

        Assert.Equal("Noah B.", result.MaskedName);
        Assert.NotNull(await sqlite.GetParticipantAsync(result.Address));
        Assert.Equal([EnrolmentStep.CheckingCard, EnrolmentStep.SecuringPicc], steps.Take(2));
        Assert.Equal([EnrolmentStep.SavingBackup, EnrolmentStep.DeclaringIdentity, EnrolmentStep.VerifyingCheckIn, EnrolmentStep.Done], steps.TakeLast(4));
        var backup = Assert.Single(backups.All());
        Assert.Equal(result.Serial, backup.CurrentSerial);
        Assert.Equal("Noah Berg", enrolment.OpenBackup(backup, result.RecoveryCode!.ToLowerInvariant()).Name);
        var wrong = Assert.Throws<EnrolmentException>(() => enrolment.OpenBackup(backup, "0000-0000-0000-0000-0000"));
        Assert.Equal(EnrolmentProblem.WrongRecoveryCode, wrong.Problem);
    }

    [Fact]
    public async Task LedgerUnreachableBeforeStart_CardLeftBlank()
    {
        ledger.HeadFails = true;

        var stopped = await Assert.ThrowsAsync<EnrolmentException>(() => enrolment.EnrolAsync(registrar, Details(), "2468", false, null, CancellationToken.None));

        Assert.Equal(EnrolmentProblem.LedgerUnreachable, stopped.Problem);
        Assert.Equal(CardCondition.Blank, await new CardPersonalizer(keys, TimeProvider.System).InspectAsync(new SimulatedCardTransport(card)));
    }

    [Fact]
    public async Task LedgerUnreachableAtDeclaration_CardNotLeftIssued_NoBackupKept_RetrySucceeds()
    {
        ledger.AppendFails = true;

        var stopped = await Assert.ThrowsAsync<EnrolmentException>(() => enrolment.EnrolAsync(registrar, Details(), "2468", false, null, CancellationToken.None));

        Assert.Equal(EnrolmentProblem.LedgerUnreachable, stopped.Problem);
        Assert.NotEqual(CardCondition.Issued, await new CardPersonalizer(keys, TimeProvider.System).InspectAsync(new SimulatedCardTransport(card)));
        Assert.Empty(backups.All());
        Assert.True((await sqlite.GetHeadAsync()).IsEmpty);

        ledger.AppendFails = false;
        var result = await enrolment.EnrolAsync(registrar, Details(), "2468", false, null, CancellationToken.None);
        Assert.True(result.Restarted);
    }

    [Fact]
    public async Task AlreadyIssued_RefusedWithoutFormat()
    {
        await enrolment.EnrolAsync(registrar, Details(), "2468", false, null, CancellationToken.None);

        var stopped = await Assert.ThrowsAsync<EnrolmentException>(() => enrolment.EnrolAsync(registrar, Details(), "1357", false, null, CancellationToken.None));

        Assert.Equal(EnrolmentProblem.AlreadyIssued, stopped.Problem);
        Assert.Single(backups.All());
    }

    public void Dispose()
    {
        registrar.Dispose();
        reader.Dispose();
        keys.Dispose();
        sqlite.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        kit.Dispose();
    }

    private sealed class InlineProgress(List<EnrolmentStep> steps) : IProgress<EnrolmentStep>
    {
        public void Report(EnrolmentStep value) => steps.Add(value);
    }

    private sealed class OneCard(SimulatedDesfireCard card) : ICardTransportSource
    {
        public ValueTask<OpenCard> OpenAsync(string readerName, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new OpenCard(new SimulatedCardTransport(card), null));
    }

    /// <summary>The embedded ledger, or a network that does not answer.</summary>
    private sealed class UnreachableLedger(ILedger inner) : ILedger
    {
        public bool HeadFails { get; set; }

        public bool AppendFails { get; set; }

        public Task<LedgerEntry> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken = default) =>
            AppendFails ? throw new HttpRequestException("unreachable") : inner.AppendAsync(entry, cancellationToken);

        public Task<LedgerEntry> AppendAsync(IEntrySigner signer, ILedgerBody body, CancellationToken cancellationToken = default) =>
            AppendFails ? throw new HttpRequestException("unreachable") : inner.AppendAsync(signer, body, cancellationToken);

        public Task<LedgerHead> GetHeadAsync(CancellationToken cancellationToken = default) =>
            HeadFails ? throw new HttpRequestException("unreachable") : inner.GetHeadAsync(cancellationToken);

        public Task<DeclaredParticipant?> GetParticipantAsync(string address, CancellationToken cancellationToken = default) => inner.GetParticipantAsync(address, cancellationToken);

        public Task<IReadOnlyList<MedBlockView>> GetPatientMedBlocksAsync(string patient, CancellationToken cancellationToken = default) => inner.GetPatientMedBlocksAsync(patient, cancellationToken);

        public Task<MedBlockView?> GetMedBlockAsync(string hash, CancellationToken cancellationToken = default) => inner.GetMedBlockAsync(hash, cancellationToken);

        public Task<LedgerVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default) => inner.VerifyAsync(progress, cancellationToken);

        public IAsyncEnumerable<LedgerEntry> ReadSinceAsync(long position, CancellationToken cancellationToken = default) => inner.ReadSinceAsync(position, cancellationToken);
    }
}
