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
    private MedBlockDeclaration[] bodies = [];

    [Params(SqliteDurability.Full, SqliteDurability.Normal)]
    public SqliteDurability Durability { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        directory = Directory.CreateTempSubdirectory("medblocks-append-bench-").FullName;
        ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(directory, "ledger.db"), Durability = Durability });
        (lab, bodies) = LedgerAppendWorkload.SetUpAsync(ledger, AppendsPerInvoke).GetAwaiter().GetResult();
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
