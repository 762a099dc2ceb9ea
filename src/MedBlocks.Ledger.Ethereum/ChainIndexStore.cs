using System.Globalization;
using MedBlocks.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>
/// The chain's bookkeeping kept in the index file beside the embedded ledger's tables, written in the same
/// transactions as the entries: which contract and chain the index follows, how far it has read (the cursor),
/// the hashes of blocks it read (to find where a reorganisation forked), where each entry came from, the events
/// refused, and the outbox of signed transactions not yet confirmed.
/// </summary>
internal sealed class ChainIndexStore(SqliteLedger index)
{
    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS chain_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS chain_blocks (number INTEGER PRIMARY KEY, hash TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS chain_entries (
            position INTEGER PRIMARY KEY,
            block INTEGER NOT NULL,
            log_index INTEGER NOT NULL,
            tx TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS chain_entries_by_block ON chain_entries (block);
        CREATE TABLE IF NOT EXISTS chain_refusals (
            block INTEGER NOT NULL,
            log_index INTEGER NOT NULL,
            tx TEXT NOT NULL,
            entry_hash TEXT,
            rule TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (block, log_index)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS chain_refusals_by_entry ON chain_refusals (entry_hash);
        CREATE TABLE IF NOT EXISTS chain_outbox (
            entry_hash TEXT PRIMARY KEY,
            author TEXT NOT NULL,
            kind TEXT NOT NULL,
            body TEXT NOT NULL,
            json TEXT NOT NULL,
            tx TEXT NOT NULL,
            raw TEXT NOT NULL,
            nonce INTEGER NOT NULL,
            created TEXT NOT NULL
        ) WITHOUT ROWID;
        """;

    /// <summary>Creates the tables and binds the file to one contract on one chain.</summary>
    /// <exception cref="InvalidOperationException">The file follows another contract or chain.</exception>
    public Task EnsureAsync(string contractAddress, long chainId, CancellationToken cancellationToken) =>
        index.WriteAsync(
            (connection, transaction) =>
            {
                Execute(connection, transaction, CreateSql);
                var followed = ReadMeta(connection, transaction, "contract");
                var chain = chainId.ToString(CultureInfo.InvariantCulture);
                if (followed is null)
                {
                    WriteMeta(connection, transaction, "contract", contractAddress.ToLowerInvariant());
                    WriteMeta(connection, transaction, "chain_id", chain);
                }
                else if (!string.Equals(followed, contractAddress, StringComparison.OrdinalIgnoreCase) || ReadMeta(connection, transaction, "chain_id") != chain)
                {
                    throw new InvalidOperationException(
                        $"The index file follows contract {followed} on chain {ReadMeta(connection, transaction, "chain_id")}; this station is set to {contractAddress} on chain {chain}. Give it another IndexPath.");
                }

                return 0;
            },
            cancellationToken);

    /// <summary>The last block read and its hash (null hash: nothing read yet, start below the deployment block).</summary>
    public ChainCursor? ReadCursor() => index.Read(connection =>
    {
        var number = ReadMeta(connection, null, "cursor_number");
        return number is null ? null : new ChainCursor(long.Parse(number, CultureInfo.InvariantCulture), ReadMeta(connection, null, "cursor_hash"));
    });

    /// <summary>Records, inside the index's transaction, where each followed event went and the new cursor.</summary>
    public static void RecordFollowed(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<ChainEvent> events,
        IReadOnlyList<(long? Position, LedgerRuleViolation? Violation, string? EntryHash)> outcomes,
        IEnumerable<ChainBlock> readBlocks,
        ChainBlock cursor)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        for (var i = 0; i < events.Count; i++)
        {
            var chainEvent = events[i];
            var (position, violation, entryHash) = outcomes[i];
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$block", chainEvent.BlockNumber);
            command.Parameters.AddWithValue("$log", chainEvent.LogIndex);
            command.Parameters.AddWithValue("$tx", chainEvent.TransactionHash);
            if (position is { } p)
            {
                command.CommandText = "INSERT INTO chain_entries (position, block, log_index, tx) VALUES ($position, $block, $log, $tx)";
                command.Parameters.AddWithValue("$position", p);
            }
            else
            {
                command.CommandText = """
                    INSERT OR REPLACE INTO chain_refusals (block, log_index, tx, entry_hash, rule, reason)
                    VALUES ($block, $log, $tx, $hash, $rule, $reason)
                    """;
                command.Parameters.AddWithValue("$hash", (object?)entryHash ?? DBNull.Value);
                command.Parameters.AddWithValue("$rule", violation!.Rule);
                command.Parameters.AddWithValue("$reason", violation.Message);
            }

            command.ExecuteNonQuery();
        }

        foreach (var block in readBlocks.Append(cursor))
        {
            command.Parameters.Clear();
            command.CommandText = "INSERT OR REPLACE INTO chain_blocks (number, hash) VALUES ($number, $hash)";
            command.Parameters.AddWithValue("$number", block.Number);
            command.Parameters.AddWithValue("$hash", block.Hash);
            command.ExecuteNonQuery();
        }

        WriteCursor(connection, transaction, cursor.Number, cursor.Hash);
    }

    /// <summary>Blocks read before, newest first, from <paramref name="below"/> down: where to look for the fork.</summary>
    public IReadOnlyList<ChainBlock> KnownBlocksBelow(long below) => index.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT number, hash FROM chain_blocks WHERE number < $below ORDER BY number DESC LIMIT 256";
        command.Parameters.AddWithValue("$below", below);
        using var reader = command.ExecuteReader();
        var blocks = new List<ChainBlock>();
        while (reader.Read())
        {
            blocks.Add(new ChainBlock(reader.GetInt64(0), reader.GetString(1), default));
        }

        return (IReadOnlyList<ChainBlock>)blocks;
    });

    /// <summary>The last ledger position that came from a block at or below <paramref name="block"/> (0: none).</summary>
    public long LastPositionThrough(long block) => index.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(position), 0) FROM chain_entries WHERE block <= $block";
        command.Parameters.AddWithValue("$block", block);
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>Inside the index's cut: forgets everything read above <paramref name="forkBlock"/>.</summary>
    public static void RecordCut(SqliteConnection connection, SqliteTransaction transaction, long forkBlock, string? forkHash)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM chain_entries WHERE block > $fork;
            DELETE FROM chain_refusals WHERE block > $fork;
            DELETE FROM chain_blocks WHERE number > $fork;
            """;
        command.Parameters.AddWithValue("$fork", forkBlock);
        command.ExecuteNonQuery();
        WriteCursor(connection, transaction, forkBlock, forkHash);
    }

    /// <summary>Where an accepted entry came from.</summary>
    public ChainLocation? FindLocation(long position) => index.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT block, log_index, tx FROM chain_entries WHERE position = $position";
        command.Parameters.AddWithValue("$position", position);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new ChainLocation(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)) : null;
    });

    /// <summary>Why readers refused the event that carried this entry (or was sent in this transaction), if they did.</summary>
    public LedgerRuleViolation? FindRefusal(string entryHash, string transactionHash) => index.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rule, reason FROM chain_refusals WHERE entry_hash = $hash OR tx = $tx ORDER BY block, log_index LIMIT 1";
        command.Parameters.AddWithValue("$hash", entryHash);
        command.Parameters.AddWithValue("$tx", transactionHash);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new LedgerRuleViolation(reader.GetString(0), StripRule(reader.GetString(0), reader.GetString(1))) : null;
    });

    /// <summary>How many events readers refused so far.</summary>
    public long CountRefusals() => index.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM chain_refusals";
        return (long)command.ExecuteScalar()!;
    });

    /// <summary>
    /// The transaction kept for this entry, or with <paramref name="sameContentSince"/> one kept since then for an entry
    /// with the same author, kind and body (a retry of the signer-based append, which stamps a new time).
    /// </summary>
    public PendingAppend? FindPending(LedgerEntry entry, DateTimeOffset? sameContentSince) => index.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT entry_hash, json, tx, raw, nonce FROM chain_outbox
            WHERE entry_hash = $hash OR ($same AND author = $author AND kind = $kind AND body = $body AND created >= $since)
            ORDER BY entry_hash = $hash DESC, created DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$same", sameContentSince is not null);
        command.Parameters.AddWithValue("$since", LedgerEntry.FormatTime(sameContentSince ?? DateTimeOffset.MinValue));
        command.Parameters.AddWithValue("$hash", entry.Hash);
        command.Parameters.AddWithValue("$author", entry.Author);
        command.Parameters.AddWithValue("$kind", entry.Kind);
        command.Parameters.AddWithValue("$body", entry.Body.GetRawText());
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new PendingAppend(LedgerEntry.Parse(System.Text.Encoding.UTF8.GetBytes(reader.GetString(1))), reader.GetString(2), reader.GetString(3), reader.GetInt64(4))
            : null;
    });

    /// <summary>Keeps a signed transaction; forgets those kept before <paramref name="forgetLandedBefore"/> whose entry is on the ledger.</summary>
    public Task AddPendingAsync(PendingAppend pending, DateTimeOffset now, DateTimeOffset forgetLandedBefore, CancellationToken cancellationToken) =>
        index.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    DELETE FROM chain_outbox WHERE created < $forget AND entry_hash IN (SELECT hash FROM entries);
                    INSERT INTO chain_outbox (entry_hash, author, kind, body, json, tx, raw, nonce, created)
                    VALUES ($hash, $author, $kind, $body, $json, $tx, $raw, $nonce, $created);
                    """;
                command.Parameters.AddWithValue("$forget", LedgerEntry.FormatTime(forgetLandedBefore));
                command.Parameters.AddWithValue("$created", LedgerEntry.FormatTime(now));
                command.Parameters.AddWithValue("$hash", pending.Entry.Hash);
                command.Parameters.AddWithValue("$author", pending.Entry.Author);
                command.Parameters.AddWithValue("$kind", pending.Entry.Kind);
                command.Parameters.AddWithValue("$body", pending.Entry.Body.GetRawText());
                command.Parameters.AddWithValue("$json", pending.Entry.ToCanonicalString());
                command.Parameters.AddWithValue("$tx", pending.TransactionHash);
                command.Parameters.AddWithValue("$raw", pending.RawTransaction);
                command.Parameters.AddWithValue("$nonce", pending.Nonce);
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    public Task RemovePendingAsync(string entryHash, CancellationToken cancellationToken) =>
        index.WriteAsync(
            (connection, transaction) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM chain_outbox WHERE entry_hash = $hash";
                command.Parameters.AddWithValue("$hash", entryHash);
                return command.ExecuteNonQuery();
            },
            cancellationToken);

    private static string StripRule(string rule, string message) =>
        message.StartsWith(rule + ": ", StringComparison.Ordinal) ? message[(rule.Length + 2)..] : message;

    private static void WriteCursor(SqliteConnection connection, SqliteTransaction transaction, long number, string? hash)
    {
        WriteMeta(connection, transaction, "cursor_number", number.ToString(CultureInfo.InvariantCulture));
        if (hash is null)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM chain_meta WHERE key = 'cursor_hash'";
            command.ExecuteNonQuery();
        }
        else
        {
            WriteMeta(connection, transaction, "cursor_hash", hash);
        }
    }

    private static string? ReadMeta(SqliteConnection connection, SqliteTransaction? transaction, string key)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM chain_meta WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() as string;
    }

    private static void WriteMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO chain_meta (key, value) VALUES ($key, $value)";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>How far the index has read the chain.</summary>
internal sealed record ChainCursor(long Number, string? Hash);

/// <summary>Where an accepted entry's event stands on the chain.</summary>
public sealed record ChainLocation(long BlockNumber, long LogIndex, string TransactionHash);

/// <summary>A signed transaction publishing <see cref="Entry"/>, kept until the entry is confirmed or refused.</summary>
internal sealed record PendingAppend(LedgerEntry Entry, string TransactionHash, string RawTransaction, long Nonce);
