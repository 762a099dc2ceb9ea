using System.Security.Cryptography;

namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>RndA from the operating system's cryptographic random generator.</summary>
public sealed class SystemDesfireRandom : IDesfireRandom
{
    public static SystemDesfireRandom Instance { get; } = new();

    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
