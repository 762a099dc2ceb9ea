namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>Source of the host challenge RndA; replaceable so recorded transcripts can be replayed.</summary>
public interface IDesfireRandom
{
    void Fill(Span<byte> destination);
}
