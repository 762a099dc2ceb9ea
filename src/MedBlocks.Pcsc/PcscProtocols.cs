namespace MedBlocks.Pcsc;

/// <summary>Card protocols in pcsc-lite numbering; the Windows binding translates RAW.</summary>
[Flags]
public enum PcscProtocols
{
    None = 0,
    T0 = 1,
    T1 = 2,
    Any = T0 | T1,
    Raw = 4,
}
