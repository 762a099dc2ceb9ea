namespace MedBlocks.SmartCards.Desfire;

#pragma warning disable CA1028 // The wire value is one byte.
public enum DesfireFileType : byte
#pragma warning restore CA1028
{
    StandardData = 0x00,
    BackupData = 0x01,
    Value = 0x02,
    LinearRecord = 0x03,
    CyclicRecord = 0x04,
}
