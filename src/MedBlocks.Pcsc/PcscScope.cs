namespace MedBlocks.Pcsc;

/// <summary>SCardEstablishContext scope.</summary>
public enum PcscScope
{
    User = 0,
    Terminal = 1,
    System = 2,
}
