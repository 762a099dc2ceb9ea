using BenchmarkDotNet.Attributes;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Ledger;

namespace MedBlocks.Benchmarks;

/// <summary>
/// The embedded SQLite ledger beside the Ethereum ledger (anvil on loopback, 0 confirmations, automine): single-writer
/// appends, and a patient's MedBlocks at 10 000 entries (target ≤ 50 ms; the Ethereum ledger answers from its local
/// index caught up from the chain).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LedgerBackendBenchmarks : IAsyncDisposable
{
    private const int Entries = 10_000;
    private const int AppendsPerInvoke = 50;

    private ILedger ledger = null!;
    private EthereumBenchmarkChain? chain;
    private string? directory;
    private string[] patients = [];
    private IEntrySigner lab = null!;
    private MedBlockDeclaration[] bodies = [];
    private int next;

    [Params("Sqlite", "Ethereum")]
    public string Backend { get; set; } = "Sqlite";

    [GlobalSetup(Target = nameof(PatientMedBlocks))]
    public async Task SetupQuery()
    {
        patients = Enumerable.Range(0, 64).Select(i => LedgerBenchmarkChain.Patient(i * 31).Address).ToArray();
        if (Backend == "Sqlite")
        {
            ledger = new SqliteLedger(new SqliteLedgerOptions { Path = LedgerBenchmarkChain.Ensure(Entries) });
            return;
        }

        chain = await EthereumBenchmarkChain.StartAsync(Entries);
        var station = await chain.OpenStationAsync();
        var sync = await station.CatchUpAsync();
        if (sync.Indexed != Entries)
        {
            throw new InvalidOperationException($"The station indexed {sync.Indexed} entries, not {Entries}.");
        }

        ledger = station;
    }

    [GlobalSetup(Target = nameof(AppendMedBlock))]
    public async Task SetupAppend()
    {
        if (Backend == "Sqlite")
        {
            directory = Directory.CreateTempSubdirectory("medblocks-backend-bench-").FullName;
            ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(directory, "ledger.db") });
        }
        else
        {
            chain = await EthereumBenchmarkChain.StartAsync(0);
            ledger = await chain.OpenStationAsync(canAppend: true);
        }

        (lab, bodies) = await LedgerAppendWorkload.SetUpAsync(ledger, AppendsPerInvoke);
    }

    [GlobalCleanup]
    public async ValueTask DisposeAsync()
    {
        (ledger as IDisposable)?.Dispose();
        if (chain is not null)
        {
            await chain.DisposeAsync();
        }

        if (directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "patient MedBlocks query at 10 000 entries")]
    public async Task<int> PatientMedBlocks()
    {
        var views = await ledger.GetPatientMedBlocksAsync(patients[next++ % patients.Length]);
        return views.Count;
    }

    [Benchmark(OperationsPerInvoke = AppendsPerInvoke, Description = "append (sign, check, publish, confirm, index)")]
    public async Task AppendMedBlock()
    {
        foreach (var body in bodies)
        {
            await ledger.AppendAsync(lab, body);
        }
    }
}
