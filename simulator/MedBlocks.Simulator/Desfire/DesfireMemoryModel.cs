namespace MedBlocks.Simulator.Desfire;

/// <summary>
/// EEPROM accounting. NXP does not publish the EV1 allocation rules in full, so the simulator uses
/// this documented model: memory is allocated in 32-byte blocks; an application costs one block of
/// header plus 25 bytes per key (24 key bytes + version) rounded up to blocks; a file costs one block
/// of header plus its data rounded up to blocks, backup data files twice their size, record files
/// (usable records + 1) × record size (the spare slot receives the uncommitted record). As on EV1,
/// deleting a file or an application does not give its memory back; FormatPICC frees everything.
/// </summary>
public static class DesfireMemoryModel
{
    public const int BlockSize = 32;

    public static int RoundUp(int bytes) => (int)Math.Min(int.MaxValue, ((long)bytes + BlockSize - 1) / BlockSize * BlockSize);

    public static int ApplicationCost(int keyCount) => BlockSize + RoundUp(keyCount * 25);

    public static int DataFileCost(DesfireFileType type, int size) =>
        BlockSize + (type == DesfireFileType.BackupData ? 2 * RoundUp(size) : RoundUp(size));

    public static int RecordFileCost(DesfireFileType type, int recordSize, int maxRecords)
    {
        // A cyclic file of N records keeps N-1 usable ones; a linear file keeps N and needs one more slot.
        var slots = type == DesfireFileType.CyclicRecord ? (long)maxRecords : (long)maxRecords + 1;
        return RoundUp((int)Math.Min(int.MaxValue - BlockSize * 2, slots * recordSize)) + BlockSize;
    }
}
