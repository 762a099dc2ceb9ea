namespace MedBlocks.Simulator.Desfire;

/// <summary>
/// File access rights as the 16-bit value sent LSB first: Read = bits 15–12, Write = 11–8,
/// Read&amp;Write = 7–4, Change = 3–0. 0x0–0xD are key numbers, 0xE free, 0xF never.
/// </summary>
public readonly record struct DesfireAccessRights(ushort Value)
{
    public const int Free = 0xE;
    public const int Never = 0xF;

    public int Read => (Value >> 12) & 0xF;

    public int Write => (Value >> 8) & 0xF;

    public int ReadWrite => (Value >> 4) & 0xF;

    public int Change => Value & 0xF;
}
