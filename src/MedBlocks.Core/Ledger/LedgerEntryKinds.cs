namespace MedBlocks.Core.Ledger;

/// <summary>The <c>kind</c> strings of version 2 ledger entries.</summary>
public static class LedgerEntryKinds
{
    public const string Identity = "identity";
    public const string MedBlock = "medblock";
    public const string Grant = "grant";
    public const string Refuse = "refuse";
    public const string RevokeCard = "revoke-card";
    public const string EmergencyAccess = "emergency-access";

    public static bool IsKnown(string? kind) =>
        kind is Identity or MedBlock or Grant or Refuse or RevokeCard or EmergencyAccess;
}
