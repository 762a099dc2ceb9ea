using BenchmarkDotNet.Attributes;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Ledger;

namespace MedBlocks.Benchmarks;

/// <summary>Single-writer appends (sign, verify, rules, WAL commit) per durability mode. Target ≥ 1 000/s.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LedgerAppendBenchmarks : IDisposable
{
    private const int AppendsPerInvoke = 200;

    private string directory = string.Empty;
    private SqliteLedger ledger = null!;
    private IEntrySigner lab = null!;
    private IEntrySigner patient = null!;
    private MedBlockDeclaration[] bodies = [];

    [Params(SqliteDurability.Full, SqliteDurability.Normal)]
    public SqliteDurability Durability { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        directory = Directory.CreateTempSubdirectory("medblocks-append-bench-").FullName;
        ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(directory, "ledger.db"), Durability = Durability });
        patient = LedgerBenchmarkChain.Patient(1);
        lab = LedgerBenchmarkChain.Patient(20_001);
        var spki = Convert.ToBase64String(System.Security.Cryptography.RSA.Create(2048).ExportSubjectPublicKeyInfo());
        ledger.AppendAsync(patient, new IdentityDeclaration(patient.Address, ParticipantRole.Patient, spki)).GetAwaiter().GetResult();
        ledger.AppendAsync(lab, new IdentityDeclaration(lab.Address, ParticipantRole.Lab, spki, "Lab")).GetAwaiter().GetResult();
        var wrapped = Convert.ToBase64String(new byte[384]);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal) { [patient.Address] = wrapped, [lab.Address] = wrapped };
        bodies = Enumerable.Range(0, AppendsPerInvoke)
            .Select(i => new MedBlockDeclaration($"bafkrei{i:D8}", patient.Address, "application/fhir+json", false, keys, new string('a', 64), Convert.ToBase64String(new byte[64])))
            .ToArray();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        ledger.Dispose();
        Directory.Delete(directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Benchmark(OperationsPerInvoke = AppendsPerInvoke, Description = "durable append (sign + verify + rules + commit)")]
    public async Task AppendMedBlock()
    {
        foreach (var body in bodies)
        {
            await ledger.AppendAsync(lab, body);
        }
    }
}
