using MedBlocks.Core.Ledger;
using Microsoft.Extensions.Logging;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>
/// Catches the local index up with the chain, block range by block range, up to the newest block with the
/// configured confirmations on top. Every event goes through <see cref="ChainEntryCheck"/> and then the embedded
/// ledger's own append checks (signature, hash chain, rules); refused events are recorded, not indexed. Before
/// reading on, the block last read must still be on the chain: if it is not, the chain was reorganised, and the
/// entries of the orphaned blocks are cut from the index and the new blocks read instead.
/// </summary>
internal sealed class ChainFollower(
    EthereumNode node,
    SqliteLedger index,
    ChainIndexStore store,
    EthereumLedgerOptions options,
    ILogger logger) : IDisposable
{
    private const int MaxReadAttempts = 8;
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    /// <summary>Reads every confirmed block not read yet.</summary>
    /// <returns>The outcome: blocks read, entries indexed and refused, entries cut by a reorganisation.</returns>
    /// <exception cref="EthereumNodeUnavailableException">The node cannot be reached; the index is unchanged since the last whole range.</exception>
    public async Task<ChainSyncResult> CatchUpAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var result = new ChainSyncResult();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ReadToConfirmedAsync(result, cancellationToken);
                    return result;
                }
                catch (ChainMovedException) when (attempt < MaxReadAttempts)
                {
                    // The chain reorganised between two requests of one range; the next pass finds the fork.
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ReadToConfirmedAsync(ChainSyncResult result, CancellationToken cancellationToken)
    {
        var latest = await node.GetBlockNumberAsync(cancellationToken);
        var target = latest - options.Confirmations;
        var cursor = store.ReadCursor() ?? new ChainCursor(options.DeploymentBlock - 1, null);
        if (cursor.Hash is not null)
        {
            var current = await node.GetBlockAsync(cursor.Number, cancellationToken);
            if (current is null || !string.Equals(current.Hash, cursor.Hash, StringComparison.OrdinalIgnoreCase))
            {
                cursor = await CutToForkAsync(cursor, result, cancellationToken);
            }
        }

        while (cursor.Number < target)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var to = Math.Min(cursor.Number + options.LogBlockRange, target);
            cursor = await ReadRangeAsync(cursor.Number + 1, to, result, cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="work"/> while no catch-up runs.</summary>
    public async Task<T> ExclusiveAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The contract's ledger events in blocks <paramref name="from"/>–<paramref name="to"/>, with those blocks' hashes and times.</summary>
    /// <exception cref="ChainMovedException">The chain changed between the requests.</exception>
    public async Task<(List<ChainEvent> Events, Dictionary<long, ChainBlock> Blocks)> ReadEventsAsync(long from, long to, CancellationToken cancellationToken)
    {
        var logs = await node.GetLogsAsync(from, to, LedgerContract.Instance.EventTopics, cancellationToken);
        var events = new List<ChainEvent>(logs.Length);
        foreach (var log in logs)
        {
            if (log.Removed)
            {
                throw new ChainMovedException();
            }

            if (LedgerContract.Instance.Decode(log) is { } decoded)
            {
                events.Add(decoded);
            }
        }

        var numbers = events.Select(e => e.BlockNumber).Append(to).Distinct().ToList();
        var blocks = new Dictionary<long, ChainBlock>(await node.GetBlocksAsync(numbers, cancellationToken));
        if (numbers.Any(n => !blocks.ContainsKey(n)))
        {
            throw new ChainMovedException();
        }

        if (events.Any(e => !string.Equals(e.BlockHash, blocks[e.BlockNumber].Hash, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ChainMovedException();
        }

        return (events, blocks);
    }

    private async Task<ChainCursor> ReadRangeAsync(long from, long to, ChainSyncResult result, CancellationToken cancellationToken)
    {
        var (events, blocks) = await ReadEventsAsync(from, to, cancellationToken);

        // Checks that need only the event; the ledger rules follow inside the index's transaction.
        var outcomes = new (long? Position, LedgerRuleViolation? Violation, string? EntryHash)[events.Count];
        var accepted = new List<(int Event, FollowedEntry Entry)>();
        for (var i = 0; i < events.Count; i++)
        {
            try
            {
                accepted.Add((i, ChainEntryCheck.Check(events[i], blocks[events[i].BlockNumber].Time)));
            }
            catch (LedgerRuleViolation violation)
            {
                outcomes[i] = (null, violation, null);
            }
        }

        var cursorBlock = blocks[to];
        await index.AppendFollowedAsync(
            accepted.Select(a => a.Entry).ToList(),
            (connection, transaction, followed) =>
            {
                for (var j = 0; j < followed.Count; j++)
                {
                    outcomes[accepted[j].Event] = (followed[j].Position, followed[j].Violation, accepted[j].Entry.Entry.Hash);
                }

                ChainIndexStore.RecordFollowed(connection, transaction, events, outcomes, events.Select(e => blocks[e.BlockNumber]).DistinctBy(b => b.Number), cursorBlock);
            },
            cancellationToken);

        for (var i = 0; i < events.Count; i++)
        {
            if (outcomes[i].Position is not null)
            {
                result.Indexed++;
            }
            else
            {
                result.Refused++;
                EthereumLedgerLog.EventRefused(logger, events[i].BlockNumber, events[i].LogIndex, events[i].TransactionHash, outcomes[i].Violation!.Rule);
            }
        }

        result.BlocksRead += to - from + 1;
        return new ChainCursor(to, cursorBlock.Hash);
    }

    /// <summary>Finds the newest block read before that is still on the chain, and cuts everything read above it.</summary>
    private async Task<ChainCursor> CutToForkAsync(ChainCursor stale, ChainSyncResult result, CancellationToken cancellationToken)
    {
        var fork = new ChainCursor(options.DeploymentBlock - 1, null);
        foreach (var known in store.KnownBlocksBelow(stale.Number))
        {
            var current = await node.GetBlockAsync(known.Number, cancellationToken);
            if (current is not null && string.Equals(current.Hash, known.Hash, StringComparison.OrdinalIgnoreCase))
            {
                fork = new ChainCursor(known.Number, known.Hash);
                break;
            }
        }

        var keep = store.LastPositionThrough(fork.Number);
        var removed = await index.CutAfterAsync(keep, (connection, transaction) => ChainIndexStore.RecordCut(connection, transaction, fork.Number, fork.Hash), cancellationToken);
        result.Reorganisations++;
        result.EntriesCut += removed;
        EthereumLedgerLog.Reorganised(logger, stale.Number, fork.Number, removed);
        return fork;
    }

}

/// <summary>The chain changed under a read (a reorganisation between two requests); read again.</summary>
internal sealed class ChainMovedException : Exception
{
    public ChainMovedException()
        : base("The chain changed while it was being read.")
    {
    }

    public ChainMovedException(string message)
        : base(message)
    {
    }

    public ChainMovedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>What one catch-up did.</summary>
public sealed class ChainSyncResult
{
    /// <summary>Blocks read.</summary>
    public long BlocksRead { get; internal set; }

    /// <summary>Entries accepted into the index.</summary>
    public long Indexed { get; internal set; }

    /// <summary>Events refused (their entry broke a rule).</summary>
    public long Refused { get; internal set; }

    /// <summary>Reorganisations found.</summary>
    public int Reorganisations { get; internal set; }

    /// <summary>Entries cut from the index because their blocks left the chain.</summary>
    public long EntriesCut { get; internal set; }
}
