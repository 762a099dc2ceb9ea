using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Desfire.SecureMessaging;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Benchmarks;

/// <summary>
/// Host-side DESFire cost per APDU (crypto + framing; the transport replays precomputed card answers):
/// AES authentication followed by an enciphered ReadData of 512 bytes or WriteData of 2048 bytes.
/// OperationsPerInvoke is the APDU count, so the reported mean is the time per APDU.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortConfig))]
public class DesfireEncipheredFileBenchmarks
{
    // AES auth 2 APDUs; read: 1 + ceil((512 + 4 → 528) / 59) - 1 = 9 frames; write: ceil((7 + 2064) / 54) = 39 frames.
    private const int AuthenticateApdus = 2;
    private const int ReadApdus = AuthenticateApdus + 9;
    private const int WriteApdus = AuthenticateApdus + 39;
    private const byte FileNumber = 2;

    private readonly byte[] _key = Enumerable.Range(0x40, 16).Select(i => (byte)i).ToArray();
    private readonly byte[] _rndA = Enumerable.Range(0x10, 16).Select(i => (byte)i).ToArray();
    private readonly byte[] _rndB = Enumerable.Range(0x90, 16).Select(i => (byte)i).ToArray();
    private readonly byte[] _writeData = Enumerable.Range(0, 2048).Select(i => (byte)(i * 7)).ToArray();
    private readonly byte[] _fileData = Enumerable.Range(0, 512).Select(i => (byte)(i * 13)).ToArray();
    private ReplayCardTransport _readCard = null!;
    private ReplayCardTransport _writeCard = null!;
    private ReplayCardTransport _authCard = null!;
    private DesfireKey _desfireKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        _desfireKey = DesfireKey.Aes(_key);
        var (authReplies, readChannel) = CardAuthentication();
        var readReplies = new List<byte[]>(authReplies);
        readChannel.MacCommand(0xBD, Header(0, _fileData.Length));
        var crc = new byte[4];
        DesfireCrc32.Write([.. _fileData, 0x00], crc);
        var cipher = readChannel.EncipherPadded([.. _fileData, .. crc]);
        for (var offset = 0; offset < cipher.Length; offset += DesfireFrameTransport.MaxResponseDataPerFrame)
        {
            var length = Math.Min(DesfireFrameTransport.MaxResponseDataPerFrame, cipher.Length - offset);
            var last = offset + length == cipher.Length;
            readReplies.Add([.. cipher.AsSpan(offset, length), 0x91, last ? (byte)0x00 : (byte)0xAF]);
        }

        var (authReplies2, writeChannel) = CardAuthentication();
        var writeReplies = new List<byte[]>(authReplies2);
        var header = Header(0, _writeData.Length);
        var payloadLength = header.Length + writeChannel.EncipherCommandData(0x3D, header, _writeData).Length;
        var frames = (payloadLength + DesfireFrameTransport.MaxCommandDataPerFrame - 1) / DesfireFrameTransport.MaxCommandDataPerFrame;
        for (var i = 1; i < frames; i++)
        {
            writeReplies.Add([0x91, 0xAF]);
        }

        writeReplies.Add([.. writeChannel.MacResponse(default), 0x91, 0x00]);
        _readCard = new ReplayCardTransport(readReplies);
        _writeCard = new ReplayCardTransport(writeReplies);
        _authCard = new ReplayCardTransport(authReplies);
        readChannel.Dispose();
        writeChannel.Dispose();
        Console.WriteLine($"// APDUs: authenticate {_authCard.Count}, +read 512 enciphered {_readCard.Count}, +write 2048 enciphered {_writeCard.Count}");
    }

    [GlobalCleanup]
    public void Cleanup() => _desfireKey.Dispose();

    [Benchmark(OperationsPerInvoke = AuthenticateApdus)]
    public async Task AuthenticateAes()
    {
        _authCard.Rewind();
        using var session = new DesfireSession(_authCard, new FixedRandom(_rndA));
        await session.AuthenticateAsync(0, _desfireKey);
    }

    [Benchmark(OperationsPerInvoke = ReadApdus)]
    public async Task<byte[]> AuthenticateAndReadEnciphered512()
    {
        _readCard.Rewind();
        using var session = new DesfireSession(_readCard, new FixedRandom(_rndA));
        await session.AuthenticateAsync(0, _desfireKey);
        return await session.ReadDataAsync(FileNumber, 0, _fileData.Length, DesfireCommMode.Enciphered);
    }

    [Benchmark(OperationsPerInvoke = WriteApdus)]
    public async Task AuthenticateAndWriteEnciphered2048()
    {
        _writeCard.Rewind();
        using var session = new DesfireSession(_writeCard, new FixedRandom(_rndA));
        await session.AuthenticateAsync(0, _desfireKey);
        await session.WriteDataAsync(FileNumber, 0, _writeData, DesfireCommMode.Enciphered);
    }

    private static byte[] Header(int offset, int length) =>
        [FileNumber, (byte)offset, (byte)(offset >> 8), (byte)(offset >> 16), (byte)length, (byte)(length >> 8), (byte)(length >> 16)];

    /// <summary>The card's side of AuthenticateAES with fixed RndA/RndB, and the card's channel afterwards.</summary>
    private (List<byte[]> Replies, Ev1SecureChannel Channel) CardAuthentication()
    {
        using var cipher = new DesfireCipher(DesfireKeyType.Aes, _key);
        var iv = new byte[16];
        var ekRndB = new byte[16];
        cipher.EncryptCbc(_rndB, iv, ekRndB);
        var token = new byte[32];
        byte[] tokenPlain = [.. _rndA, .. _rndB[1..], _rndB[0]];
        cipher.EncryptCbc(tokenPlain, iv, token);
        var ekRndAPrime = new byte[16];
        cipher.EncryptCbc([.. _rndA[1..], _rndA[0]], iv, ekRndAPrime);
        var sessionKey = Ev1SessionKeyDeriver.Derive(DesfireKeyType.Aes, _rndA, _rndB);
        var channel = new Ev1SecureChannel(DesfireKeyType.Aes, sessionKey);
        CryptographicOperations.ZeroMemory(sessionKey);
        return ([[.. ekRndB, 0x91, 0xAF], [.. ekRndAPrime, 0x91, 0x00]], channel);
    }

    private sealed class ReplayCardTransport(List<byte[]> replies) : ICardTransport
    {
        private int _next;

        public int Count => replies.Count;

        public void Rewind() => _next = 0;

        public ValueTask<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(replies[_next++]);
    }

    /// <summary>In-process: generating a separate benchmark project times out on a loaded build machine.</summary>
    private sealed class InProcessShortConfig : ManualConfig
    {
        public InProcessShortConfig() =>
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
    }

    private sealed class FixedRandom(byte[] value) : IDesfireRandom
    {
        public void Fill(Span<byte> destination) => value.CopyTo(destination);
    }
}
