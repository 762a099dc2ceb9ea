namespace MedBlocks.SmartCards.Desfire;

/// <summary>Settings of a standard or backup data file.</summary>
public sealed record DesfireDataFileSettings(DesfireFileType FileType, DesfireCommMode CommMode, AccessRights AccessRights, int FileSize)
    : DesfireFileSettings(FileType, CommMode, AccessRights);
