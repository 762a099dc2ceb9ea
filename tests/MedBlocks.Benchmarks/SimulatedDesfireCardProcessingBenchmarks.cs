using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;

namespace MedBlocks.Benchmarks;

/// <summary>
/// Card-side cost of the simulator: one AES authentication (both steps) and a 512-byte enciphered
/// ReadData with its 91 AF chain, driven by precomputed raw APDUs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SimulatedDesfireCardProcessingBenchmarks
{
    private static readonly byte[] RndB = Convert.FromHexString("C05DDD714FD788A6B7B754F3C4D066E8");
    private static readonly byte[] RndA = Convert.FromHexString("F44B26F5686F3A391CD38EBD10772281");
    private static readonly byte[] AuthStart = [0x90, 0xAA, 0x00, 0x00, 0x01, 0x00, 0x00];
    private static readonly byte[] ReadStart = [0x90, 0xBD, 0x00, 0x00, 0x07, 0x01, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00];
    private static readonly byte[] AdditionalFrame = [0x90, 0xAF, 0x00, 0x00, 0x00];

    private SimulatedDesfireCard _card = null!;
    private byte[] _authToken = [];

    [GlobalSetup]
    public void Setup()
    {
        var key = new byte[16];
        var state = CardImage.NewBlank(DesfireStorageSize.FourKilobytes, Convert.FromHexString("04063F72633480"));
        _card = new SimulatedDesfireCard(state, new ConstantRandom());
        _card.PowerOn();
        Send([0x90, 0xCA, 0x00, 0x00, 0x05, 0x01, 0x00, 0x00, 0x0F, 0x81, 0x00]);
        Send([0x90, 0x5A, 0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0x00]);
        Send([0x90, 0xCD, 0x00, 0x00, 0x07, 0x01, 0x03, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00]);

        using var aes = Aes.Create();
        aes.Key = key;
        var ekRndB = aes.EncryptCbc(RndB, new byte[16], PaddingMode.None);
        byte[] plainToken = [.. RndA, .. RndB[1..], RndB[0]];
        var token = aes.EncryptCbc(plainToken, ekRndB, PaddingMode.None);
        _authToken = [0x90, 0xAF, 0x00, 0x00, 0x20, .. token, 0x00];
        AesAuthentication();
    }

    [Benchmark]
    public byte[] AesAuthentication()
    {
        Send(AuthStart);
        return Send(_authToken);
    }

    [Benchmark]
    public int EncipheredRead512()
    {
        var frames = 1;
        var response = Send(ReadStart);
        while (response[^1] == 0xAF)
        {
            response = _card.Process(AdditionalFrame);
            frames++;
        }

        return frames;
    }

    private byte[] Send(byte[] apdu)
    {
        var response = _card.Process(apdu);
        if (response[^2] != 0x91 || response[^1] is not (0x00 or 0xAF))
        {
            throw new InvalidOperationException("Unexpected card status " + Convert.ToHexString(response[^2..]));
        }

        return response;
    }

    private sealed class ConstantRandom : ICardRandomSource
    {
        public void Fill(Span<byte> destination)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = RndB[i % RndB.Length];
            }
        }
    }
}
