using System.Diagnostics;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Rpc;
using MedBlocks.Ipfs.Tests.Fixtures;

namespace MedBlocks.Benchmarks;

/// <summary>
/// add and cat of 1 MiB and 64 MiB through <see cref="KuboRpcClient"/> against a real js-ipfs node, beside
/// <c>curl</c> making the same calls in the same run. The client's add also builds the DAG locally to check
/// the node's CID, and its cat verifies every block (curl's does neither). Allocated bytes show the client
/// streams: they stay far below the file size.
/// </summary>
[Config(typeof(InProcessConfig))]
[MemoryDiagnoser]
[HideColumns(Column.Error, Column.StdDev)]
[MedianColumn]
public class IpfsRpcThroughputBenchmarks
{
    private const string AddQuery = "api/v0/add?pin=true&cid-version=1&raw-leaves=true&chunker=size-262144&progress=false&cid-base=base32";

    private IpfsTestNode? _node;
    private KuboRpcClient? _client;
    private string _file = string.Empty;
    private Cid? _cid;

    [Params(1, 64)]
    public int SizeMiB { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _node = IpfsTestNode.StartAsync().GetAwaiter().GetResult();
        _client = _node.CreateClient();
        _file = Path.Combine(_node.RepoPath, $"content-{SizeMiB}.bin");
        File.WriteAllBytes(_file, RandomNumberGenerator.GetBytes(SizeMiB * 1024 * 1024));
        _cid = ClientAdd().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _node?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "add: KuboRpcClient")]
    public async Task<Cid> ClientAdd()
    {
        var file = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file)
        {
            return await _client!.AddAsync(file);
        }
    }

    [Benchmark(Description = "add: curl")]
    public Task CurlAdd() => CurlAsync("-F", $"file=@{_file}", new Uri(_node!.ApiUrl, AddQuery).ToString());

    [Benchmark(Description = "cat: KuboRpcClient (verified)")]
    public async Task ClientCat()
    {
        await using var read = await _client!.CatAsync(_cid!);
        await read.CopyToAsync(Stream.Null);
    }

    [Benchmark(Description = "cat: curl")]
    public Task CurlCat() => CurlAsync(new Uri(_node!.ApiUrl, $"api/v0/cat?arg={_cid}&timeout=30s").ToString());

    private static async Task CurlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("curl", ["-sS", "--fail", "-X", "POST", "-o", "/dev/null", .. arguments]) { RedirectStandardError = true };
        using var curl = Process.Start(start)!;
        var error = await curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        if (curl.ExitCode != 0)
        {
            throw new InvalidOperationException($"curl failed ({curl.ExitCode}): {error}");
        }
    }

    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8));
    }
}
