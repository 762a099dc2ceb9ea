namespace MedBlocks.Simulator.Desfire;

/// <summary>Where the card takes its random numbers (RndB, random UIDs); tests inject a fixed source.</summary>
public interface ICardRandomSource
{
    void Fill(Span<byte> destination);
}
