using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using StorageSize = MedBlocks.Simulator.Desfire.DesfireStorageSize;

namespace MedBlocks.Benchmarks;

/// <summary>
/// The host library against the simulated card in process (both sides' crypto and framing, no
/// reader): AES authentication alone, + enciphered ReadData of 512 bytes, + enciphered WriteData of
/// 2048 bytes. GlobalSetup prints the APDUs and bytes each operation exchanges.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(InProcessShortConfig))]
public class DesfireSimulatorRoundTripBenchmarks : IDisposable
{
    private const byte ReadFile = 1;
    private const byte WriteFile = 2;
    private const int ReadLength = 512;
    private const int WriteLength = 2048;

    private readonly byte[] _writeData = Enumerable.Range(0, WriteLength).Select(i => (byte)(i * 7)).ToArray();
    private SimulatedCardTransport _transport = null!;
    private DesfireSession _session = null!;
    private DesfireKey _key = null!;

    [GlobalSetup]
    public void Setup()
    {
        var card = new SimulatedDesfireCard(CardImage.NewBlank(StorageSize.FourKilobytes));
        _transport = new SimulatedCardTransport(card);
        _session = new DesfireSession(_transport);
        _key = DesfireKey.Aes(new byte[16]);
        PersonaliseAsync().GetAwaiter().GetResult();

        Report("AES authenticate", AuthenticateAes);
        Report($"AES authenticate + ReadData {ReadLength} B enciphered", AuthenticateAndReadEnciphered512);
        Report($"AES authenticate + WriteData {WriteLength} B enciphered", AuthenticateAndWriteEnciphered2048);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _session?.Dispose();
        _key?.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark]
    public Task AuthenticateAes() => _session.AuthenticateAsync(0, _key);

    [Benchmark]
    public async Task<byte[]> AuthenticateAndReadEnciphered512()
    {
        await _session.AuthenticateAsync(0, _key);
        return await _session.ReadDataAsync(ReadFile, 0, ReadLength, DesfireCommMode.Enciphered);
    }

    [Benchmark]
    public async Task AuthenticateAndWriteEnciphered2048()
    {
        await _session.AuthenticateAsync(0, _key);
        await _session.WriteDataAsync(WriteFile, 0, _writeData, DesfireCommMode.Enciphered);
    }

    private async Task PersonaliseAsync()
    {
        using (var factory = DesfireKey.FactoryDefault())
        {
            await _session.AuthenticateAsync(0, factory);
        }

        var aid = new DesfireAid(0x4D4201);
        await _session.CreateApplicationAsync(aid, 0x0F, 1, DesfireKeyType.Aes);
        await _session.SelectApplicationAsync(aid);
        await _session.AuthenticateAsync(0, _key);
        var rights = new AccessRights(0, 0, 0, 0);
        await _session.CreateStdDataFileAsync(ReadFile, DesfireCommMode.Enciphered, rights, ReadLength);
        await _session.CreateStdDataFileAsync(WriteFile, DesfireCommMode.Enciphered, rights, WriteLength);
        await _session.WriteDataAsync(ReadFile, 0, _writeData.AsMemory(0, ReadLength), DesfireCommMode.Enciphered);
    }

    private void Report<T>(string operation, Func<T> run)
        where T : Task
    {
        _transport.ResetCounters();
        run().GetAwaiter().GetResult();
        Console.WriteLine($"// {operation}: {_transport.CommandsSent} APDUs, {_transport.BytesSent} bytes to the card, {_transport.BytesReceived} bytes from the card");
        _transport.ResetCounters();
    }

    private sealed class InProcessShortConfig : ManualConfig
    {
        public InProcessShortConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
    }
}
