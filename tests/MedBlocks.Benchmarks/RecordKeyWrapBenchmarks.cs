using BenchmarkDotNet.Attributes;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Records;

namespace MedBlocks.Benchmarks;

/// <summary>RSA-3072 OAEP-SHA256 wrap and unwrap of a 32-byte record key (one grant, one read).</summary>
[MemoryDiagnoser]
public class RecordKeyWrapBenchmarks
{
    private Participant? _recipient;
    private RecordKey? _key;
    private byte[] _wrapped = [];

    [GlobalSetup]
    public void Setup()
    {
        _recipient = Participant.Create(ParticipantRole.Practitioner, 3072, "Benchmark Clinic");
        _key = RecordKey.Generate();
        _wrapped = RecordKeyWrap.Wrap(_key, _recipient.PublicIdentity);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _key?.Dispose();
        _recipient?.Dispose();
    }

    [Benchmark(Description = "Wrap RSA-3072 OAEP-SHA256")]
    public byte[] Wrap() => RecordKeyWrap.Wrap(_key!, _recipient!.PublicIdentity);

    [Benchmark(Description = "Unwrap RSA-3072 OAEP-SHA256")]
    public void Unwrap()
    {
        using var key = RecordKeyWrap.Unwrap(_wrapped, _recipient!);
    }
}
