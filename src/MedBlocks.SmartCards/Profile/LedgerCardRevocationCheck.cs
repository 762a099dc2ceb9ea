using MedBlocks.Core.Ledger;

namespace MedBlocks.SmartCards.Profile;

/// <summary>Answers <see cref="ICardRevocationCheck"/> from the <c>revoke-card</c> entries of a ledger.</summary>
public sealed class LedgerCardRevocationCheck(ILedger ledger) : ICardRevocationCheck
{
    private readonly ILedger ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));

    public async ValueTask<CardRevocationReason?> GetRevocationAsync(string patientAddress, string cardSerial, CancellationToken cancellationToken = default) =>
        await ledger.GetCardRevocationAsync(patientAddress, cardSerial, cancellationToken).ConfigureAwait(false);
}
