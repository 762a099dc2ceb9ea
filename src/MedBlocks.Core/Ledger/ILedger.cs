using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Ledger;

/// <summary>The MedBlocks ledger: append-only, hash-chained, every entry signed and checked against the rules.</summary>
public interface ILedger
{
    /// <summary>Validates <paramref name="entry"/> against the rules and appends it.</summary>
    /// <returns>The stored entry, with its position.</returns>
    /// <exception cref="LedgerHeadMovedException">The entry's prev is no longer the head; rebuild it on the new head.</exception>
    /// <exception cref="LedgerRuleViolation">The entry breaks a rule.</exception>
    Task<LedgerEntry> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Builds, signs and appends an entry on the current head, rebuilding it if another writer wins the race.</summary>
    /// <exception cref="LedgerRuleViolation">The entry breaks a rule.</exception>
    /// <exception cref="LedgerFormatException">The body is malformed.</exception>
    Task<LedgerEntry> AppendAsync(IEntrySigner signer, ILedgerBody body, CancellationToken cancellationToken = default);

    Task<LedgerHead> GetHeadAsync(CancellationToken cancellationToken = default);

    /// <summary>The identity in force for <paramref name="address"/>, or null if it never declared one.</summary>
    Task<DeclaredParticipant?> GetParticipantAsync(string address, CancellationToken cancellationToken = default);

    /// <summary>The patient's MedBlocks in ledger order, with effective keys and refusal state.</summary>
    Task<IReadOnlyList<MedBlockView>> GetPatientMedBlocksAsync(string patient, CancellationToken cancellationToken = default);

    /// <summary>One MedBlock by the hash of its <c>medblock</c> entry, or null.</summary>
    Task<MedBlockView?> GetMedBlockAsync(string hash, CancellationToken cancellationToken = default);

    /// <summary>Entries after <paramref name="position"/> (0 for all), in order, streamed.</summary>
    IAsyncEnumerable<LedgerEntry> ReadSinceAsync(long position, CancellationToken cancellationToken = default);

    /// <summary>
    /// The reason of the first <c>revoke-card</c> entry naming this patient's card serial, or null when the card
    /// is not revoked. Ledgers with an index answer from it; this default reads the whole log.
    /// </summary>
    async Task<CardRevocationReason?> GetCardRevocationAsync(string patient, string serial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(serial);
        await foreach (var entry in ReadSinceAsync(0, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Kind != LedgerEntryKinds.RevokeCard)
            {
                continue;
            }

            var revocation = CardRevocation.Parse(entry.Body);
            if (revocation.Patient == patient && revocation.Serial == serial)
            {
                return revocation.Reason;
            }
        }

        return null;
    }

    /// <summary>Re-checks the whole chain from scratch: hashes, links, signatures and rules.</summary>
    /// <param name="progress">Receives the number of entries verified so far.</param>
    /// <param name="cancellationToken">Stops the verification.</param>
    Task<LedgerVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default);
}
