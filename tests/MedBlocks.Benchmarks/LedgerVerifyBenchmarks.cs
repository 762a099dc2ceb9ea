using BenchmarkDotNet.Attributes;
using MedBlocks.Ledger;

namespace MedBlocks.Benchmarks;

/// <summary>Full verification of a 100 000-entry ledger (hashes, links, signatures, rules). Target ≤ 10 s on 2 cores.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 3, invocationCount: 1)]
public class LedgerVerifyBenchmarks : IDisposable
{
    private const int Entries = 100_000;

    private SqliteLedger ledger = null!;

    [GlobalSetup]
    public void Setup()
    {
        ledger = new SqliteLedger(new SqliteLedgerOptions { Path = LedgerBenchmarkChain.Ensure(Entries) });
    }

    [GlobalCleanup]
    public void Dispose()
    {
        ledger.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "verify 100 000 entries")]
    public async Task<long> VerifyAll()
    {
        var result = await ledger.VerifyAsync();
        return result.IsValid && result.EntryCount == Entries
            ? result.EntryCount
            : throw new InvalidOperationException(result.ToString());
    }
}
