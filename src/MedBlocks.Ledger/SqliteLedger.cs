using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedBlocks.Ledger;

/// <summary>
/// The embedded ledger: one SQLite file in WAL mode holding the hash-chained entries and index tables
/// derived from them in the same transaction. Appends run in <c>BEGIN IMMEDIATE</c> transactions that
/// re-read the head, so several processes appending to one file serialise and the chain never forks.
/// Commits are durable (<c>synchronous=FULL</c>). Entries cannot be updated or deleted through SQL.
/// </summary>
public sealed partial class SqliteLedger : ILedger, IDisposable
{
    private const string CheckpointPosition = "verified_position";
    private const string CheckpointHash = "verified_hash";

    private readonly SqliteLedgerOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly string connectionString;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly SqliteConnection writer;
    private readonly SqliteLedgerState writerState;
    private readonly SqliteLedgerIndex writerIndex;
    private readonly EntrySignatureVerifier signatures = new();
    private bool disposed;

    /// <summary>Opens (creating if needed) the ledger file.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SqliteLedger(SqliteLedgerOptions options, TimeProvider? timeProvider = null, ILogger<SqliteLedger>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<SqliteLedger>.Instance;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(options.Path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();

        writer = Open();
        Execute(writer, "PRAGMA journal_mode=WAL");
        SqliteLedgerSchema.Ensure(writer);
        writerState = new SqliteLedgerState(writer);
        writerIndex = new SqliteLedgerIndex(writer);
        var entries = ReadHead(writer, null).Position;
        SqliteLedgerLog.Opened(this.logger, options.Path, entries);
    }

    public Task<LedgerEntry> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ObjectDisposedException.ThrowIf(disposed, this);
        // Checked outside the write lock: the signature depends on the entry alone.
        if (!signatures.Verify(entry))
        {
            throw new LedgerRuleViolation(LedgerRuleNames.Signature, "The signature is not the author's over this entry.");
        }

        return AppendVerifiedAsync(entry, cancellationToken);
    }

    /// <summary>
    /// Appends entries that already chain onto the current head, all or none, in one transaction: for importing
    /// or syncing a run of entries. Each is checked against the rules as if appended alone.
    /// </summary>
    /// <returns>The new head position.</returns>
    /// <exception cref="LedgerHeadMovedException">The first entry does not link to the head.</exception>
    /// <exception cref="LedgerRuleViolation">An entry breaks a rule; nothing is stored.</exception>
    public async Task<long> AppendRangeAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (entries.Count == 0)
        {
            return (await GetHeadAsync(cancellationToken)).Position;
        }

        var latest = timeProvider.GetUtcNow() + LedgerRules.TimeTolerance;
        var firstBad = entries.Count;
        Parallel.For(0, entries.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            if (!signatures.Verify(entries[i]))
            {
                InterlockedMin(ref firstBad, i);
            }
        });
        if (firstBad < entries.Count)
        {
            throw new LedgerRuleViolation(LedgerRuleNames.Signature, $"Entry {firstBad} of the range: the signature is not the author's.");
        }

        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var transaction = BeginWrite();
            var head = ReadHead(writer, transaction);
            if (!string.Equals(entries[0].Prev, head.Hash, StringComparison.Ordinal))
            {
                throw new LedgerHeadMovedException(entries[0].Prev, head);
            }

            writerState.Transaction = transaction;
            foreach (var entry in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                head = AppendChecked(transaction, entry, head, latest, "this station's clock");
            }

            transaction.Commit();
            return head.Position;
        }
        finally
        {
            writerState.Transaction = null;
            writeLock.Release();
        }
    }

    private static void InterlockedMin(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    public async Task<LedgerEntry> AppendAsync(IEntrySigner signer, ILedgerBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(body);
        ObjectDisposedException.ThrowIf(disposed, this);
        var factory = new LedgerEntryFactory(timeProvider);
        for (var attempt = 1; ; attempt++)
        {
            var head = await ReadWriterHeadAsync(cancellationToken);
            // The factory has verified the signer's signature on this very entry.
            var entry = factory.Create(signer, head, body);
            try
            {
                return await AppendVerifiedAsync(entry, cancellationToken);
            }
            catch (LedgerHeadMovedException moved) when (attempt < options.MaxAppendAttempts)
            {
                SqliteLedgerLog.HeadMoved(logger, attempt, moved.CurrentHead?.Position ?? 0);
                // A short random pause keeps two busy writers from colliding in lockstep.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, Math.Min(attempt, 10))), timeProvider, cancellationToken);
            }
        }
    }

    private async Task<LedgerEntry> AppendVerifiedAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Time > timeProvider.GetUtcNow() + LedgerRules.TimeTolerance)
        {
            throw new LedgerRuleViolation(LedgerRuleNames.TimeFuture, $"time {LedgerEntry.FormatTime(entry.Time)} is ahead of this station's clock.");
        }

        await writeLock.WaitAsync(cancellationToken);
        try
        {
            using var transaction = BeginWrite();
            var head = ReadHead(writer, transaction);
            if (!string.Equals(entry.Prev, head.Hash, StringComparison.Ordinal))
            {
                throw new LedgerHeadMovedException(entry.Prev, head);
            }

            writerState.Transaction = transaction;
            // The time was checked against this station's clock before taking the lock.
            var appended = AppendChecked(transaction, entry, head, DateTimeOffset.MaxValue, "this station's clock");
            transaction.Commit();
            return entry with { Position = appended.Position };
        }
        finally
        {
            writerState.Transaction = null;
            writeLock.Release();
        }
    }

    /// <summary>
    /// Checks an entry (signature already verified) on top of <paramref name="head"/> and writes it with its index rows,
    /// in the open write transaction; <see cref="SqliteLedgerState.Transaction"/> must be set to it.
    /// </summary>
    /// <returns>The new head.</returns>
    /// <exception cref="LedgerRuleViolation">The entry is stamped after <paramref name="latest"/> or breaks a rule.</exception>
    private LedgerHead AppendChecked(SqliteTransaction transaction, LedgerEntry entry, LedgerHead head, DateTimeOffset latest, string clock)
    {
        if (entry.Time > latest)
        {
            throw new LedgerRuleViolation(LedgerRuleNames.TimeFuture, $"time {LedgerEntry.FormatTime(entry.Time)} is ahead of {clock}.");
        }

        var position = head.Position + 1;
        writerState.Before = position;
        var body = LedgerRules.Check(entry, head, writerState, verifySignature: false);
        writerIndex.Append(transaction, entry, body, position);
        return new LedgerHead(position, entry.Hash, entry.Time);
    }

    private async Task<LedgerHead> ReadWriterHeadAsync(CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            return ReadHead(writer, null);
        }
        finally
        {
            writeLock.Release();
        }
    }

    public Task<LedgerHead> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        return Task.FromResult(ReadHead(connection, null));
    }

    public Task<DeclaredParticipant?> GetParticipantAsync(string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var state = new SqliteLedgerState(connection);
        return Task.FromResult(state.FindParticipant(address));
    }

    public Task<IReadOnlyList<MedBlockView>> GetPatientMedBlocksAsync(string patient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patient);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var transaction = connection.BeginTransaction(deferred: true);
        return Task.FromResult(SqliteMedBlockQuery.ForPatient(connection, transaction, patient));
    }

    public Task<MedBlockView?> GetMedBlockAsync(string hash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hash);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var transaction = connection.BeginTransaction(deferred: true);
        return Task.FromResult(SqliteMedBlockQuery.ByHash(connection, transaction, hash));
    }

    /// <summary>The reason of the first <c>revoke-card</c> entry naming this patient's card serial, from the index.</summary>
    public Task<CardRevocationReason?> GetCardRevocationAsync(string patient, string serial, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(serial);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT reason FROM card_revocations WHERE patient = $patient AND serial = $serial ORDER BY position LIMIT 1";
        command.Parameters.AddWithValue("$patient", patient);
        command.Parameters.AddWithValue("$serial", serial);
        return Task.FromResult(command.ExecuteScalar() is string reason
            ? Enum.Parse<CardRevocationReason>(reason, ignoreCase: true)
            : (CardRevocationReason?)null);
    }

    public async IAsyncEnumerable<LedgerEntry> ReadSinceAsync(long position, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        await using var connection = OpenReader();
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT position, json FROM entries WHERE position > $after ORDER BY position";
        command.Parameters.AddWithValue("$after", position);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return LedgerEntry.Parse(Encoding.UTF8.GetBytes(reader.GetString(1)), reader.GetInt64(0));
        }
    }

    /// <summary>Full verification from the first entry; on success the head becomes the verified checkpoint.</summary>
    public Task<LedgerVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Verify(fromCheckpoint: false, progress, cancellationToken), cancellationToken);

    /// <summary>
    /// The cheap startup check: confirms the checkpoint entry is unchanged, then verifies only the entries after it
    /// (signatures, links and rules, the rules against the index tables as they stood). Without a checkpoint it is
    /// a full verification. Tampering before the checkpoint that keeps the checkpoint entry intact is found only by
    /// <see cref="VerifyAsync"/>.
    /// </summary>
    public Task<LedgerVerification> VerifySinceCheckpointAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Verify(fromCheckpoint: true, progress, cancellationToken), cancellationToken);

    /// <summary>The last verified position and hash, or null if the ledger was never verified.</summary>
    public Task<LedgerHead?> GetCheckpointAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = OpenReader();
        return Task.FromResult(ReadCheckpoint(connection, null));
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        writerState.Dispose();
        writerIndex.Dispose();
        writer.Dispose();
        writeLock.Dispose();
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
    }

    private LedgerVerification Verify(bool fromCheckpoint, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var stopwatch = Stopwatch.StartNew();
        using var connection = OpenReader();
        // One read transaction: a consistent snapshot even while other writers append.
        using var transaction = connection.BeginTransaction(deferred: true);
        var checkpoint = ReadCheckpoint(connection, transaction);
        var verifier = new SqliteChainVerifier(signatures, options.VerifyBatchSize);
        LedgerVerification result;
        if (fromCheckpoint && checkpoint is not null)
        {
            result = CheckCheckpointEntry(connection, transaction, checkpoint)
                ?? VerifyAfterCheckpoint(connection, transaction, verifier, checkpoint, progress, cancellationToken);
        }
        else
        {
            var state = new LedgerState();
            result = verifier.Verify(connection, transaction, LedgerHead.Empty, new InMemoryRules(state), 0, progress, cancellationToken);
            if (result.IsValid && checkpoint is not null)
            {
                result = CheckCheckpointEntry(connection, transaction, checkpoint) ?? result;
            }
        }

        transaction.Commit();
        if (result.IsValid)
        {
            WriteCheckpoint(result);
            SqliteLedgerLog.Verified(logger, result.EntryCount, result.HeadHash, stopwatch.ElapsedMilliseconds);
        }
        else
        {
            SqliteLedgerLog.VerificationFailed(logger, result.FailedPosition, result.FailedHash, result.Rule, result.Reason);
        }

        return result;
    }

    private static LedgerVerification VerifyAfterCheckpoint(
        SqliteConnection connection,
        SqliteTransaction transaction,
        SqliteChainVerifier verifier,
        LedgerHead checkpoint,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        using var state = new SqliteLedgerState(connection) { Transaction = transaction, Before = checkpoint.Position + 1 };
        return verifier.Verify(connection, transaction, checkpoint, new IndexRules(state), checkpoint.Position, progress, cancellationToken);
    }

    /// <summary>A verified checkpoint must still name the entry stored at its position; a shorter chain was truncated.</summary>
    private static LedgerVerification? CheckCheckpointEntry(SqliteConnection connection, SqliteTransaction transaction, LedgerHead checkpoint)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT hash, json FROM entries WHERE position = $position";
        command.Parameters.AddWithValue("$position", checkpoint.Position);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return LedgerVerification.Invalid(
                0, LedgerEntry.GenesisPrev, checkpoint.Position, null, LedgerRuleNames.Checkpoint,
                $"the ledger was verified up to position {checkpoint.Position} but that entry is gone: the chain was truncated.");
        }

        var storedHash = reader.IsDBNull(0) ? null : reader.GetString(0);
        string? actualHash;
        try
        {
            actualHash = LedgerEntry.Parse(Encoding.UTF8.GetBytes(reader.GetString(1))).Hash;
        }
        catch (LedgerFormatException)
        {
            actualHash = null;
        }

        return storedHash == checkpoint.Hash && actualHash == checkpoint.Hash
            ? null
            : LedgerVerification.Invalid(
                0, LedgerEntry.GenesisPrev, checkpoint.Position, storedHash, LedgerRuleNames.Checkpoint,
                "the entry at the verified checkpoint has changed.");
    }

    private void WriteCheckpoint(LedgerVerification result)
    {
        if (result.EntryCount == 0)
        {
            return;
        }

        writeLock.Wait();
        try
        {
            using var transaction = BeginWrite();
            var current = ReadCheckpoint(writer, transaction);
            if (current is null || current.Position < result.EntryCount)
            {
                using var command = writer.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ($pk, $position), ($hk, $hash)";
                command.Parameters.AddWithValue("$pk", CheckpointPosition);
                command.Parameters.AddWithValue("$position", result.EntryCount.ToString(CultureInfo.InvariantCulture));
                command.Parameters.AddWithValue("$hk", CheckpointHash);
                command.Parameters.AddWithValue("$hash", result.HeadHash);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        finally
        {
            writeLock.Release();
        }
    }

    private static LedgerHead? ReadCheckpoint(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT key, value FROM meta WHERE key IN ($pk, $hk)";
        command.Parameters.AddWithValue("$pk", CheckpointPosition);
        command.Parameters.AddWithValue("$hk", CheckpointHash);
        using var reader = command.ExecuteReader();
        long? position = null;
        string? hash = null;
        while (reader.Read())
        {
            if (reader.GetString(0) == CheckpointPosition)
            {
                position = long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            }
            else
            {
                hash = reader.GetString(1);
            }
        }

        return position is { } p && hash is not null ? new LedgerHead(p, hash, null) : null;
    }

    private static LedgerHead ReadHead(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT position, hash, time FROM entries ORDER BY position DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new LedgerHead(reader.GetInt64(0), reader.GetString(1), LedgerEntry.ParseTime(reader.GetString(2)))
            : LedgerHead.Empty;
    }

    private SqliteTransaction BeginWrite()
    {
        try
        {
            // BEGIN IMMEDIATE: take the write lock before reading the head, so no other process can append in between.
            return writer.BeginTransaction(deferred: false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            throw new LedgerException($"The ledger file stayed locked by another writer for {options.BusyTimeout}.", ex);
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        var synchronous = options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL";
        Execute(connection, $"PRAGMA busy_timeout={(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous={synchronous}");
        return connection;
    }

    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return Open();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed class InMemoryRules(LedgerState state) : SqliteChainVerifier.IRuleState
    {
        public ILedgerState State => state;

        public void Apply(LedgerEntry entry, ILedgerBody body) => state.Apply(entry, body);
    }

    private sealed class IndexRules(SqliteLedgerState state) : SqliteChainVerifier.IRuleState
    {
        public ILedgerState State => state;

        // The index already holds this entry's rows; move the horizon past it.
        public void Apply(LedgerEntry entry, ILedgerBody body) => state.Before = entry.Position!.Value + 1;
    }
}
