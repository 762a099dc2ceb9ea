using System.Security.Cryptography;

namespace MedBlocks.Simulator.Desfire;

/// <summary>The default random source: the operating system's CSPRNG.</summary>
public sealed class SystemCardRandomSource : ICardRandomSource
{
    public static SystemCardRandomSource Instance { get; } = new();

    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
