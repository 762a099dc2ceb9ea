namespace MedBlocks.Pcsc;

/// <summary>How a connection shares the card with other applications.</summary>
public enum PcscShareMode
{
    Exclusive = 1,
    Shared = 2,
    Direct = 3,
}
