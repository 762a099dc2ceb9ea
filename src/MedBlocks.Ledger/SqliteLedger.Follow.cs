using System.Text;
using MedBlocks.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger;

/// <summary>
/// The ledger file as the local index of a ledger whose order is decided elsewhere (an Ethereum chain): entries
/// arrive in that order and each is checked alone exactly as an append is; one that breaks a rule is refused and
/// the following ones go on. A reorganisation of the source cuts the entries it orphaned.
/// </summary>
public sealed partial class SqliteLedger
{
    /// <summary>Checks <paramref name="entry"/> as <see cref="AppendAsync(LedgerEntry, CancellationToken)"/> would, storing nothing.</summary>
    /// <returns>The head the entry links to.</returns>
    /// <exception cref="LedgerHeadMovedException">The entry's prev is not the head.</exception>
    /// <exception cref="LedgerRuleViolation">The entry breaks a rule.</exception>
    internal async Task<LedgerHead> CheckAppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!signatures.Verify(entry))
        {
            throw new LedgerRuleViolation(LedgerRuleNames.Signature, "The signature is not the author's over this entry.");
        }

        if (entry.Time > timeProvider.GetUtcNow() + LedgerRules.TimeTolerance)
        {
            throw new LedgerRuleViolation(LedgerRuleNames.TimeFuture, $"time {LedgerEntry.FormatTime(entry.Time)} is ahead of this station's clock.");
        }

        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var transaction = writer.BeginTransaction(deferred: true);
            var head = ReadHead(writer, transaction);
            if (!string.Equals(entry.Prev, head.Hash, StringComparison.Ordinal))
            {
                throw new LedgerHeadMovedException(entry.Prev, head);
            }

            writerState.Transaction = transaction;
            writerState.Before = head.Position + 1;
            LedgerRules.Check(entry, head, writerState, verifySignature: false);
            return head;
        }
        finally
        {
            writerState.Transaction = null;
            writeLock.Release();
        }
    }

    /// <summary>The stored entry with this hash, with its position, or null.</summary>
    internal Task<LedgerEntry?> FindEntryAsync(string hash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hash);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, json FROM entries WHERE hash = $hash";
        command.Parameters.AddWithValue("$hash", hash);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? LedgerEntry.Parse(Encoding.UTF8.GetBytes(reader.GetString(1)), reader.GetInt64(0)) : null);
    }

    /// <summary>
    /// Appends entries in the order given, each checked alone against everything accepted before it: signature,
    /// link, time order, <see cref="FollowedEntry.Latest"/> and the rules. Entries that fail are refused, not
    /// stored; the others are. <paramref name="beforeCommit"/> runs in the same transaction with the outcomes,
    /// so the caller's own bookkeeping commits with the index or not at all.
    /// </summary>
    internal async Task<IReadOnlyList<FollowedOutcome>> AppendFollowedAsync(
        IReadOnlyList<FollowedEntry> entries,
        Action<SqliteConnection, SqliteTransaction, IReadOnlyList<FollowedOutcome>> beforeCommit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(beforeCommit);
        ObjectDisposedException.ThrowIf(disposed, this);
        var signed = new bool[entries.Count];
        Parallel.For(0, entries.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => signed[i] = signatures.Verify(entries[i].Entry));

        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var transaction = BeginWrite();
            var head = ReadHead(writer, transaction);
            writerState.Transaction = transaction;
            var outcomes = new FollowedOutcome[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (entry, latest) = entries[i];
                try
                {
                    if (!signed[i])
                    {
                        throw new LedgerRuleViolation(LedgerRuleNames.Signature, "The signature is not the author's over this entry.");
                    }

                    head = AppendChecked(transaction, entry, head, latest, "its source's time");
                    outcomes[i] = new FollowedOutcome(head.Position, null);
                }
                catch (LedgerRuleViolation violation)
                {
                    outcomes[i] = new FollowedOutcome(null, violation);
                }
            }

            beforeCommit(writer, transaction, outcomes);
            transaction.Commit();
            return outcomes;
        }
        finally
        {
            writerState.Transaction = null;
            writeLock.Release();
        }
    }

    /// <summary>
    /// Removes every entry after <paramref name="keepThrough"/> and the index rows they made (the source dropped
    /// them), running <paramref name="beforeCommit"/> in the same transaction. A checkpoint beyond the cut goes too.
    /// </summary>
    /// <returns>The number of entries removed.</returns>
    internal async Task<long> CutAfterAsync(long keepThrough, Action<SqliteConnection, SqliteTransaction> beforeCommit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepThrough);
        ArgumentNullException.ThrowIfNull(beforeCommit);
        ObjectDisposedException.ThrowIf(disposed, this);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var transaction = BeginWrite();
            using var command = writer.CreateCommand();
            command.Transaction = transaction;
            command.Parameters.AddWithValue("$keep", keepThrough);
            command.CommandText = """
                DELETE FROM medblock_keys WHERE position > $keep;
                DELETE FROM refusals WHERE position > $keep;
                DELETE FROM card_revocations WHERE position > $keep;
                DELETE FROM medblocks WHERE position > $keep;
                DELETE FROM identities WHERE position > $keep;
                DROP TRIGGER entries_no_delete;
                """;
            command.ExecuteNonQuery();
            if (ReadCheckpoint(writer, transaction) is { } checkpoint && checkpoint.Position > keepThrough)
            {
                command.CommandText = "DELETE FROM meta WHERE key IN ($pk, $hk)";
                command.Parameters.AddWithValue("$pk", CheckpointPosition);
                command.Parameters.AddWithValue("$hk", CheckpointHash);
                command.ExecuteNonQuery();
            }

            command.CommandText = "DELETE FROM entries WHERE position > $keep";
            var removed = command.ExecuteNonQuery();
            command.CommandText = SqliteLedgerSchema.NoDeleteTriggerSql;
            command.ExecuteNonQuery();
            beforeCommit(writer, transaction);
            transaction.Commit();
            return removed;
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction of the ledger file (for tables kept beside the index).</summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ObjectDisposedException.ThrowIf(disposed, this);
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var transaction = BeginWrite();
            var result = work(writer, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            writeLock.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a reader connection of the ledger file.</summary>
    internal T Read<T>(Func<SqliteConnection, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var connection = OpenReader();
        return work(connection);
    }
}

/// <summary>An entry from a source that orders entries, and the latest time its source allows it to carry.</summary>
internal readonly record struct FollowedEntry(LedgerEntry Entry, DateTimeOffset Latest);

/// <summary>Where a followed entry was stored, or the rule it broke.</summary>
internal readonly record struct FollowedOutcome(long? Position, LedgerRuleViolation? Violation);
