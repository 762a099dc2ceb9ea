using MedBlocks.SmartCards.Desfire.Crypto;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Hands out per-card diversified keys, never a master; a hardware module can sit behind it. The
/// caller disposes each key (which zeroes it).
/// </summary>
public interface IKeyProvider
{
    /// <summary>Whether this station holds the master of <paramref name="role"/>.</summary>
    bool Holds(CardKeyRole role);

    /// <summary>The card's PICC master key (AN10922 with AID 000000).</summary>
    /// <exception cref="MissingMasterKeyException">This station does not hold the PICC master.</exception>
    ValueTask<DesfireKey> GetPiccMasterKeyAsync(ReadOnlyMemory<byte> uid, CancellationToken cancellationToken = default);

    /// <summary>The card's key of <paramref name="role"/> in the MedBlocks application.</summary>
    /// <exception cref="MissingMasterKeyException">This station does not hold that master.</exception>
    ValueTask<DesfireKey> GetApplicationKeyAsync(CardKeyRole role, ReadOnlyMemory<byte> uid, CancellationToken cancellationToken = default);
}
