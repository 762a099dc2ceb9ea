using MedBlocks.Core.Ledger;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Some grants of a multi-record grant reached the ledger before another failed; <see cref="Granted"/>
/// lists those (they stay: the ledger is append-only), <see cref="Exception.InnerException"/> says why the rest did not.
/// </summary>
public sealed class CardSharingIncompleteException : Exception
{
    public CardSharingIncompleteException()
        : this("Some grants were written before the others failed.")
    {
    }

    public CardSharingIncompleteException(string message)
        : base(message)
    {
    }

    public CardSharingIncompleteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CardSharingIncompleteException(IReadOnlyList<LedgerEntry> granted, Exception innerException)
        : base($"{granted?.Count ?? 0} grants were written before one failed: {innerException?.Message}", innerException)
    {
        Granted = granted ?? [];
    }

    public IReadOnlyList<LedgerEntry> Granted { get; } = [];
}
