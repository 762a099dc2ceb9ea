namespace MedBlocks.Simulator.Vpcd;

/// <summary>One-byte vpcd control messages.</summary>
public enum VpcdControl : byte
{
    PowerOff = 0x00,
    PowerOn = 0x01,
    Reset = 0x02,
    GetAtr = 0x04,
}
