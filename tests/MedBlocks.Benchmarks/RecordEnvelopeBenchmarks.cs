using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using MedBlocks.Core.Records;

namespace MedBlocks.Benchmarks;

/// <summary>Record envelope throughput (segmented AES-256-GCM) for a typical document and a large imaging record.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class RecordEnvelopeBenchmarks : IDisposable
{
    private const string Patient = "94Kj1jcaUjf5R5ytHQSKy19P8GkJmTKthezj4AoNxroY";
    private const string ContentType = "application/dicom";

    private byte[] _plaintext = [];
    private byte[] _ciphertext = [];
    private MemoryStream _output = new();
    private RecordKey? _key;

    [Params(1024 * 1024, 64 * 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _plaintext = RandomNumberGenerator.GetBytes(Size);
        _key = RecordKey.Generate();
        _ciphertext = RecordEnvelope.Encrypt(_plaintext, _key, Patient, ContentType);
        _output = new MemoryStream(_ciphertext.Length);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _key?.Dispose();
        _output.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "EncryptAsync stream (+SHA-256)")]
    public async Task<RecordEncryptionResult> EncryptStream()
    {
        _output.Position = 0;
        return await RecordEnvelope.EncryptAsync(new MemoryStream(_plaintext, writable: false), _output, _key!, Patient, ContentType);
    }

    [Benchmark(Description = "DecryptAsync stream")]
    public async Task DecryptStream()
    {
        _output.Position = 0;
        await RecordEnvelope.DecryptAsync(new MemoryStream(_ciphertext, writable: false), _output, _key!, Patient, ContentType);
    }

    [Benchmark(Description = "DecryptingStream.CopyToAsync")]
    public async Task DecryptingStreamCopy()
    {
        _output.Position = 0;
        await using var stream = RecordEnvelope.OpenDecryptingStream(new MemoryStream(_ciphertext, writable: false), _key!, Patient, ContentType);
        await stream.CopyToAsync(_output, 1024 * 1024);
    }

    [Benchmark(Description = "Encrypt byte[]")]
    public byte[] EncryptOneShot() => RecordEnvelope.Encrypt(_plaintext, _key!, Patient, ContentType);

    [Benchmark(Description = "Decrypt byte[]")]
    public byte[] DecryptOneShot() => RecordEnvelope.Decrypt(_ciphertext, _key!, Patient, ContentType);

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    /// <summary>Plaintext megabytes (10^6 bytes) per second at the median time.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "MB/s (median)";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Plaintext MB (10^6 bytes) per second at the median";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            var size = benchmarkCase.Parameters["Size"] as int?;
            if (report?.ResultStatistics is null || size is null)
            {
                return "-";
            }

            var seconds = report.ResultStatistics.Median / 1e9;
            return (size.Value / 1e6 / seconds).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    }
}
