using MedBlocks.SmartCards.Desfire.Crypto;

namespace MedBlocks.SmartCards.Tests.TestSupport;

/// <summary>Returns a recorded RndA so a transcript can be replayed.</summary>
internal sealed class FixedDesfireRandom(byte[] value) : IDesfireRandom
{
    public void Fill(Span<byte> destination)
    {
        Assert.Equal(value.Length, destination.Length);
        value.CopyTo(destination);
    }
}
