namespace MedBlocks.Simulator.Desfire;

/// <summary>File types as coded in GetFileSettings. Value files are not modelled.</summary>
public enum DesfireFileType
{
    StandardData = 0x00,
    BackupData = 0x01,
    LinearRecord = 0x03,
    CyclicRecord = 0x04,
}
