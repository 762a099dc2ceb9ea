namespace MedBlocks.Core.Ledger;

/// <summary>Why a card was revoked. A closed list: free text on a public ledger invites personal data.</summary>
public enum CardRevocationReason
{
    Lost,
    Stolen,
    Damaged,
    Replaced,
    Expired,
}
