namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// An issued, read-back-verified card. <c>Restarted</c> says the card held an interrupted (or
/// explicitly re-issued) personalisation that was formatted first.
/// </summary>
public sealed record PersonalizationResult(
    ReadOnlyMemory<byte> Uid,
    CardInfo Info,
    CardIdentity Identity,
    int RsaKeySize,
    int StorageSize,
    int FreeMemoryBefore,
    int FreeMemoryAfter,
    bool Restarted);
