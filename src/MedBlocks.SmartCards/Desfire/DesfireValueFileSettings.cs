namespace MedBlocks.SmartCards.Desfire;

/// <summary>Settings of a value file.</summary>
public sealed record DesfireValueFileSettings(DesfireCommMode CommMode, AccessRights AccessRights, int LowerLimit, int UpperLimit, int LimitedCreditValue, bool LimitedCreditEnabled)
    : DesfireFileSettings(DesfireFileType.Value, CommMode, AccessRights);
