namespace MedBlocks.SmartCards.Desfire;

/// <summary>
/// File access rights: one nibble each for read, write, read&amp;write and change. 0..D name a key,
/// E (<see cref="Free"/>) means no authentication, F (<see cref="Never"/>) means denied. Sent as 2 bytes LE.
/// </summary>
public readonly record struct AccessRights
{
    public const byte Free = 0x0E;
    public const byte Never = 0x0F;

    public AccessRights(byte read, byte write, byte readWrite, byte change)
    {
        Check(read, nameof(read));
        Check(write, nameof(write));
        Check(readWrite, nameof(readWrite));
        Check(change, nameof(change));
        Read = read;
        Write = write;
        ReadWrite = readWrite;
        Change = change;
    }

    public byte Read { get; }

    public byte Write { get; }

    public byte ReadWrite { get; }

    public byte Change { get; }

    /// <summary>Read = bits 15–12, Write = 11–8, RW = 7–4, Change = 3–0.</summary>
    public ushort Value => (ushort)((Read << 12) | (Write << 8) | (ReadWrite << 4) | Change);

    public static AccessRights FromValue(ushort value) =>
        new((byte)(value >> 12), (byte)((value >> 8) & 0xF), (byte)((value >> 4) & 0xF), (byte)(value & 0xF));

    public static AccessRights FromWire(ReadOnlySpan<byte> wire) => FromValue((ushort)(wire[0] | (wire[1] << 8)));

    public void WriteTo(Span<byte> destination)
    {
        destination[0] = (byte)Value;
        destination[1] = (byte)(Value >> 8);
    }

    private static void Check(byte nibble, string name)
    {
        if (nibble > 0x0F)
        {
            throw new ArgumentOutOfRangeException(name, nibble, "An access right is a key number 0..D, E (free) or F (never).");
        }
    }
}
