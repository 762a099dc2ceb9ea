using BenchmarkDotNet.Attributes;
using MedBlocks.Ledger;

namespace MedBlocks.Benchmarks;

/// <summary>A patient's MedBlocks with effective keys and refusals, on a 100 000-entry ledger. Target ≤ 5 ms.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class LedgerPatientQueryBenchmarks : IDisposable
{
    private SqliteLedger ledger = null!;
    private string[] patients = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        ledger = new SqliteLedger(new SqliteLedgerOptions { Path = LedgerBenchmarkChain.Ensure(100_000) });
        patients = Enumerable.Range(0, 64).Select(i => LedgerBenchmarkChain.Patient(i * 31).Address).ToArray();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        ledger.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "patient MedBlocks query")]
    public async Task<int> PatientMedBlocks()
    {
        var patient = patients[next++ % patients.Length];
        var views = await ledger.GetPatientMedBlocksAsync(patient);
        return views.Count;
    }
}
