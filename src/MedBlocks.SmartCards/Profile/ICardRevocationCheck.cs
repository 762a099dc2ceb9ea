using MedBlocks.Core.Ledger;

namespace MedBlocks.SmartCards.Profile;

/// <summary>Looks up <c>revoke-card</c> entries; the kiosk implements it over its ledger.</summary>
public interface ICardRevocationCheck
{
    /// <summary>The revocation reason of this patient's card serial, or null when it is not revoked.</summary>
    ValueTask<CardRevocationReason?> GetRevocationAsync(string patientAddress, string cardSerial, CancellationToken cancellationToken = default);
}
