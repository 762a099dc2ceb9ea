using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Secrets;
using MedBlocks.Core.Sharing;
using MedBlocks.Ledger;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Profile;
using MedBlocks.TestSupport;
using Microsoft.Data.Sqlite;

namespace MedBlocks.Benchmarks;

/// <summary>
/// What happens to an issued card after enrolment, against the in-process simulator: an emergency
/// summary update (8 KB card with room in file 03; whole-file backup write, commit, K3 read-back,
/// log), a staff sign-in at the production PIN cost (dominated by Argon2id by design), and a grant from
/// the patient's card (check-in read, test-cost PIN, RSA unwrap and wrap, signed ledger entry on an
/// embedded SQLite ledger, log record). APDU counts of one run are printed in setup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessSingleInvocationConfig))]
public class PatientCardLifecycleBenchmarks : IDisposable
{
    private const string Pin = "482916";
    private readonly string _directory = Directory.CreateTempSubdirectory("medblocks-card-bench-").FullName;
    private Participant _patient = null!;
    private Participant _doctor = null!;
    private Participant _colleague = null!;
    private ConfigurationKeyProvider _enrolment = null!;
    private ConfigurationKeyProvider _kiosk = null!;
    private SimulatedCardTransport _patientCard = null!;
    private SimulatedCardTransport _staffCard = null!;
    private byte[][] _summaries = null!;
    private int _next;
    private SqliteLedger _ledger = null!;
    private MedBlockService _service = null!;
    private string _medBlock = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(GrantFromCard))]
    public void NewRecord() => _medBlock = AddRecordAsync().GetAwaiter().GetResult();

    [Benchmark]
    public Task<CardEmergencyUpdateResult> EmergencySummaryUpdate() => UpdateAsync();

    [Benchmark]
    public async Task<string> StaffSignInProductionCost()
    {
        _staffCard.Reconnect();
        var clock = TimeProvider.System;
        var signIn = new StaffSignIn(_kiosk, new StationIdentity("ward-3", StationRole.CheckIn), [CardHolderRole.Practitioner], new PinAttemptLimiter(clock), clock);
        using var session = await signIn.SignInAsync(_staffCard, Pin);
        return session.Address;
    }

    [Benchmark]
    public async Task<LedgerEntry?> GrantFromCard()
    {
        _patientCard.Reconnect();
        using var reader = new PatientCardReader(_patientCard, _kiosk, new StationIdentity("kiosk", StationRole.CheckIn), new PinAttemptLimiter(TimeProvider.System), TimeProvider.System);
        await reader.ReadForCheckInAsync();
        return await new CardSharing(_service).GrantAsync(reader, Pin, _medBlock, _colleague.Address);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _ledger.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        _patient.Dispose();
        _doctor.Dispose();
        _colleague.Dispose();
        _enrolment.Dispose();
        _kiosk.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task SetupAsync()
    {
        _patient = Participant.Create(ParticipantRole.Patient, 2048);
        _doctor = Participant.Create(ParticipantRole.Practitioner, 2048);
        _colleague = Participant.Create(ParticipantRole.Practitioner, 2048);
        var summary = new EmergencySummary(
            false,
            ["penicillin (anaphylaxis)", "latex"],
            [new("metformin", "500 mg twice daily"), new("lisinopril", "10 mg daily")],
            ["type 2 diabetes", "hypertension"],
            ResuscitationStatus.FullResuscitation,
            "A+",
            [new("Sam Tallia", "partner", "+44 20 7946 0958")],
            _doctor.Address,
            new DateOnly(2026, 11, 25));
        _summaries =
        [
            summary.Sign(_doctor),
            (summary with { Problems = ["type 2 diabetes", "hypertension", "chronic kidney disease stage 3a", "atrial fibrillation"] }).Sign(_doctor),
        ];
        var options = CardBenchmarkKeys.Masters();
        _enrolment = new ConfigurationKeyProvider(options);
        _kiosk = new ConfigurationKeyProvider(new CardKeyOptions { Read = options.Read });

        _patientCard = await IssueAsync(_patient, CardHolderRole.Patient, Argon2Parameters.FastForTests, reserve: 256);
        _staffCard = await IssueAsync(_doctor, CardHolderRole.Practitioner, PatientCardProfile.PinKdf, reserve: 0);

        _ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(_directory, "ledger.db"), Durability = SqliteDurability.Normal });
        foreach (var p in new[] { _patient, _doctor, _colleague })
        {
            await _ledger.AppendAsync(p, new IdentityDeclaration(p.Address, p.Role, Convert.ToBase64String(p.EncryptionPublicKey.Span)));
        }

        _service = new MedBlockService(_ledger, new MemoryRecordStore(), EmergencyServiceKeys.None, TimeProvider.System);

        _patientCard.ResetCounters();
        await UpdateAsync();
        Console.WriteLine($"// emergency summary update: {_patientCard.CommandsSent} APDUs, {_patientCard.BytesSent} bytes sent, {_patientCard.BytesReceived} received");
        _staffCard.ResetCounters();
        await StaffSignInProductionCost();
        Console.WriteLine($"// staff sign-in: {_staffCard.CommandsSent} APDUs");
        _medBlock = await AddRecordAsync();
        _patientCard.ResetCounters();
        await GrantFromCard();
        Console.WriteLine($"// grant from the card (check-in read, key material, log record): {_patientCard.CommandsSent} APDUs");
    }

    private async Task<CardEmergencyUpdateResult> UpdateAsync()
    {
        _patientCard.Reconnect();
        _next = 1 - _next;
        return await new CardEmergencyUpdater(_enrolment, new StationIdentity("desk", StationRole.Enrolment), TimeProvider.System).UpdateAsync(_patientCard, _summaries[_next]);
    }

    private async Task<SimulatedCardTransport> IssueAsync(Participant holder, CardHolderRole role, Argon2Parameters kdf, int reserve)
    {
        var card = new SimulatedCardTransport(new SimulatedDesfireCard(CardImage.NewBlank(DesfireStorageSize.EightKilobytes)));
        await new CardPersonalizer(_enrolment, TimeProvider.System).PersonalizeAsync(card, new PersonalizationRequest
        {
            Name = "Jenny Tallia",
            BirthDate = new DateOnly(2003, 2, 23),
            Sex = "female",
            IssuerId = 42,
            CreateParticipant = _ => holder,
            Pin = Pin,
            Kdf = kdf,
            SignedEmergencySummary = _summaries[0],
            EmergencySummaryReserve = reserve,
            Role = role,
        });
        return card;
    }

    private async Task<string> AddRecordAsync()
    {
        using var plaintext = new MemoryStream("HbA1c 41 mmol/mol"u8.ToArray());
        return (await _service.AddRecordAsync(_doctor, _patient.Address, plaintext, "text/plain", emergency: false)).Hash;
    }
    private sealed class InProcessSingleInvocationConfig : ManualConfig
    {
        public InProcessSingleInvocationConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
    }
}
