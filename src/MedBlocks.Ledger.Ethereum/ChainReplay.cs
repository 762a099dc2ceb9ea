using MedBlocks.Core.Ledger;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>
/// Reads the chain again from the deployment block to where the index has read it, decides each event afresh
/// (the event checks, then the Core rules on an in-memory <see cref="LedgerState"/>) and compares the entries
/// accepted with the index's, position by position: a local index that was altered, or that missed a
/// reorganisation, does not match.
/// </summary>
internal sealed class ChainReplay(ChainFollower follower, SqliteLedger index, ChainIndexStore store, EthereumLedgerOptions options)
{
    public const string ChainIndexRule = "chain-index";

    public async Task<LedgerVerification> CompareAsync(CancellationToken cancellationToken)
    {
        var cursor = store.ReadCursor();
        var state = new LedgerState();
        await using var indexed = index.ReadSinceAsync(0, cancellationToken).GetAsyncEnumerator(cancellationToken);
        if (cursor is not null)
        {
            for (var from = options.DeploymentBlock; from <= cursor.Number; from += options.LogBlockRange)
            {
                var to = Math.Min(from + options.LogBlockRange - 1, cursor.Number);
                var (events, blocks) = await follower.ReadEventsAsync(from, to, cancellationToken);
                foreach (var chainEvent in events)
                {
                    if (!Accept(chainEvent, blocks[chainEvent.BlockNumber].Time, state, out var entry))
                    {
                        continue;
                    }

                    var before = state.Head;
                    state.Apply(entry.Entry, entry.Body);
                    if (!await indexed.MoveNextAsync() || indexed.Current.Hash != entry.Entry.Hash)
                    {
                        var held = indexed.Current?.Hash;
                        return LedgerVerification.Invalid(
                            before.Position, before.Hash, state.Head.Position, held, ChainIndexRule,
                            $"the chain's entry at this position is {entry.Entry.Hash} (block {chainEvent.BlockNumber}) but the index holds {held ?? "nothing"}; delete the index file to rebuild it from the chain.");
                    }
                }
            }
        }

        if (await indexed.MoveNextAsync())
        {
            return LedgerVerification.Invalid(
                state.Head.Position, state.Head.Hash, indexed.Current.Position ?? state.Head.Position + 1, indexed.Current.Hash, ChainIndexRule,
                "the index holds entries the chain does not; delete the index file to rebuild it from the chain.");
        }

        return LedgerVerification.Valid(state.Head.Position, state.Head.Hash);
    }

    /// <summary>Every check the follower makes, on the in-memory state; false for an event readers refuse.</summary>
    private static bool Accept(ChainEvent chainEvent, DateTimeOffset blockTime, LedgerState state, out (LedgerEntry Entry, ILedgerBody Body) accepted)
    {
        accepted = default;
        try
        {
            var (entry, latest) = ChainEntryCheck.Check(chainEvent, blockTime);
            if (entry.Time > latest)
            {
                return false;
            }

            accepted = (entry, LedgerRules.Check(entry, state.Head, state));
            return true;
        }
        catch (LedgerRuleViolation)
        {
            return false;
        }
    }
}
