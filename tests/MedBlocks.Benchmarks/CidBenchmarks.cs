using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Benchmarks;

/// <summary>CID of 64 MiB (as <c>ipfs add --only-hash</c>) beside plain SHA-256 of the same bytes.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
[HideColumns(Column.Error, Column.StdDev)]
[MedianColumn]
public class CidBenchmarks
{
    private const int Size = 64 * 1024 * 1024;
    private byte[] _content = [];

    [GlobalSetup]
    public void Setup()
    {
        _content = new byte[Size];
        new Random(20261125).NextBytes(_content);
    }

    [Benchmark(Baseline = true, Description = "SHA-256 of 64 MiB")]
    public byte[] Sha256() => SHA256.HashData(_content);

    [Benchmark(Description = "SHA-256 of 64 MiB read from a stream")]
    public byte[] Sha256FromStream()
    {
        using var stream = new MemoryStream(_content, writable: false);
        return SHA256.HashData(stream);
    }

    [Benchmark(Description = "CIDv1 raw leaves of 64 MiB in memory")]
    public string CidV1RawLeavesInMemory() => CidCalculator.Compute(_content, UnixFsImportOptions.CidV1).ToString();

    [Benchmark(Description = "CIDv0 dag-pb leaves of 64 MiB in memory")]
    public string CidV0InMemory() => CidCalculator.Compute(_content, UnixFsImportOptions.CidV0).ToString();

    [Benchmark(Description = "CIDv1 raw leaves of 64 MiB from a stream")]
    public string CidV1RawLeaves()
    {
        // Wrapping the array copies nothing; the importer reads it chunk by chunk like a file.
        using var stream = new MemoryStream(_content, writable: false);
        return CidCalculator.Compute(stream, UnixFsImportOptions.CidV1).ToString();
    }

    [Benchmark(Description = "CIDv0 dag-pb leaves of 64 MiB from a stream")]
    public string CidV0()
    {
        // Wrapping the array copies nothing; the importer reads it chunk by chunk like a file.
        using var stream = new MemoryStream(_content, writable: false);
        return CidCalculator.Compute(stream, UnixFsImportOptions.CidV0).ToString();
    }
}
