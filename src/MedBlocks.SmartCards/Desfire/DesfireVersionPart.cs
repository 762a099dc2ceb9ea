namespace MedBlocks.SmartCards.Desfire;

/// <summary>One 7-byte GetVersion block (hardware or software).</summary>
public sealed record DesfireVersionPart(byte Vendor, byte Type, byte Subtype, byte Major, byte Minor, byte StorageByte, byte Protocol)
{
    /// <summary>2^(StorageByte >> 1) bytes; the real size is larger when <see cref="StorageSizeIsLowerBound"/>.</summary>
    public int StorageSize => 1 << Math.Min(StorageByte >> 1, 30);

    /// <summary>Bit 0 of the storage byte: the size lies between 2^n and 2^(n+1).</summary>
    public bool StorageSizeIsLowerBound => (StorageByte & 0x01) != 0;

    internal static DesfireVersionPart Parse(ReadOnlySpan<byte> block) =>
        new(block[0], block[1], block[2], block[3], block[4], block[5], block[6]);
}
