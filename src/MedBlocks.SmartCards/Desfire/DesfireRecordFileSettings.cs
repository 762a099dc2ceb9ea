namespace MedBlocks.SmartCards.Desfire;

/// <summary>Settings of a linear or cyclic record file.</summary>
public sealed record DesfireRecordFileSettings(DesfireFileType FileType, DesfireCommMode CommMode, AccessRights AccessRights, int RecordSize, int MaxRecords, int CurrentRecords)
    : DesfireFileSettings(FileType, CommMode, AccessRights);
