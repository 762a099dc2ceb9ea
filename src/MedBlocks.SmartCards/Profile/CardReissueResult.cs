using MedBlocks.Core.Ledger;

namespace MedBlocks.SmartCards.Profile;

/// <summary>The new card, and the <c>revoke-card</c> entry of the old one (null when the ledger already had one).</summary>
public sealed record CardReissueResult(PersonalizationResult Card, LedgerEntry? Revocation);
