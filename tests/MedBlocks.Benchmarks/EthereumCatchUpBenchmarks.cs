using BenchmarkDotNet.Attributes;
using MedBlocks.Ledger.Ethereum;

namespace MedBlocks.Benchmarks;

/// <summary>A new station indexing a chain of 10 000 entries from scratch: logs, block headers, every check.</summary>
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 3, invocationCount: 1)]
public class EthereumCatchUpBenchmarks : IAsyncDisposable
{
    private EthereumBenchmarkChain chain = null!;
    private EthereumLedger? station;

    [GlobalSetup]
    public async Task Setup() => chain = await EthereumBenchmarkChain.StartAsync(10_000);

    [IterationSetup]
    public void OpenFreshStation() => station = chain.OpenStationAsync().GetAwaiter().GetResult();

    [IterationCleanup]
    public void CloseStation() => station?.Dispose();

    [Benchmark(Description = "catch up 10 000 entries into an empty index")]
    public async Task<long> CatchUp() => (await station!.CatchUpAsync()).Indexed;

    [GlobalCleanup]
    public async ValueTask DisposeAsync()
    {
        await chain.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
