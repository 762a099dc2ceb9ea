using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MedBlocks.Ledger;

namespace MedBlocks.Benchmarks;

/// <summary>Full verification of a 100 000-entry ledger (hashes, links, signatures, rules). Target ≤ 10 s on 2 cores.</summary>
/// <remarks>
/// The class's own job runs in-process with three single-shot iterations: run it without <c>--inProcess</c>
/// (<c>--filter '*LedgerVerify*'</c>), which would add a default job of dozens of ten-second iterations.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(InProcessSingleShotConfig))]
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

    private sealed class InProcessSingleShotConfig : ManualConfig
    {
        public InProcessSingleShotConfig() =>
            AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true))
                .WithLaunchCount(1)
                .WithWarmupCount(0)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
    }
}
