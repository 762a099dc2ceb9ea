namespace MedBlocks.Pcsc;

/// <summary>What happens to the card when a handle is released or a transaction ends.</summary>
public enum PcscDisposition
{
    Leave = 0,
    Reset = 1,
    Unpower = 2,
    Eject = 3,
}
