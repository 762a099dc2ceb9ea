using MedBlocks.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger;

/// <summary>
/// Streams stored entries in position order and re-checks each one: canonical form, hash, the stored
/// columns, the prev link, the signature and the rules. Signatures, the costly part, are verified in
/// parallel over bounded batches; links and rules are checked in order. Memory is one batch plus the
/// rule state.
/// </summary>
internal sealed class SqliteChainVerifier(EntrySignatureVerifier signatures, int batchSize)
{
    /// <summary>How the rule state follows the verification.</summary>
    public interface IRuleState
    {
        ILedgerState State { get; }

        void Apply(LedgerEntry entry, ILedgerBody body);
    }

    /// <summary>Verifies the entries after <paramref name="start"/>, reading them in <paramref name="transaction"/>'s snapshot.</summary>
    /// <param name="connection">Connection to read from.</param>
    /// <param name="transaction">The read transaction holding the snapshot.</param>
    /// <param name="start">The last entry already trusted (<see cref="LedgerHead.Empty"/> for a full verification).</param>
    /// <param name="rules">Rule state as of <paramref name="start"/>.</param>
    /// <param name="progress">Receives the position verified so far, once per batch.</param>
    /// <param name="cancellationToken">Stops the verification.</param>
    /// <param name="skipSignaturesThrough">Entries up to this position were verified before; their signatures are not rechecked.</param>
    public LedgerVerification Verify(
        SqliteConnection connection,
        SqliteTransaction transaction,
        LedgerHead start,
        IRuleState rules,
        long skipSignaturesThrough,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT position, hash, prev, author, kind, time, json FROM entries WHERE position > $after ORDER BY position";
        command.Parameters.AddWithValue("$after", start.Position);
        using var reader = command.ExecuteReader();

        var head = start;
        var batch = new List<StoredRow>(batchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < batchSize && reader.Read())
            {
                batch.Add(new StoredRow(
                    reader.GetInt64(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetFieldValue<byte[]>(6)));
            }

            if (batch.Count == 0)
            {
                return LedgerVerification.Valid(head.Position, head.Hash);
            }

            cancellationToken.ThrowIfCancellationRequested();
            Parallel.For(
                0,
                batch.Count,
                new ParallelOptions { CancellationToken = cancellationToken },
                i => batch[i].Decode(signatures, skipSignaturesThrough));

            foreach (var row in batch)
            {
                var failure = Check(row, head, rules);
                if (failure is not null)
                {
                    return failure;
                }

                head = new LedgerHead(row.Position, row.Entry!.Hash, row.Entry.Time);
            }

            progress?.Report(head.Position);
        }
    }

    private static LedgerVerification? Check(StoredRow row, LedgerHead head, IRuleState rules)
    {
        LedgerVerification Fail(string rule, string reason) =>
            LedgerVerification.Invalid(head.Position, head.Hash, row.Position, row.Hash, rule, reason);

        if (row.Position != head.Position + 1)
        {
            return Fail(LedgerRuleNames.Position, $"expected position {head.Position + 1}: an entry is missing.");
        }

        if (row.FormatError is not null || row.Entry is null)
        {
            return Fail(LedgerRuleNames.Format, row.FormatError ?? "unreadable entry.");
        }

        var entry = row.Entry;
        if (row.Hash != entry.Hash)
        {
            return Fail(LedgerRuleNames.StoredColumns, "the stored hash is not the hash of the stored entry.");
        }

        if (row.Prev != entry.Prev || row.Author != entry.Author || row.Kind != entry.Kind || row.Time != LedgerEntry.FormatTime(entry.Time))
        {
            return Fail(LedgerRuleNames.StoredColumns, "the stored columns differ from the signed entry.");
        }

        try
        {
            LedgerRules.CheckLinkAndTime(entry, head);
            if (!row.SignatureValid)
            {
                return Fail(LedgerRuleNames.Signature, "the signature is not the author's over this entry.");
            }

            if (row.BodyError is not null || row.Body is null)
            {
                return Fail(LedgerRuleNames.Format, row.BodyError ?? "unreadable body.");
            }

            LedgerRules.CheckBody(entry, row.Body, rules.State);
        }
        catch (LedgerRuleViolation violation)
        {
            return Fail(violation.Rule, violation.Message);
        }

        rules.Apply(entry, row.Body);
        return null;
    }

    private sealed class StoredRow(long position, string? hash, string? prev, string? author, string? kind, string? time, byte[]? json)
    {
        // Dropped once parsed: the entry keeps its own copy, and a batch should hold only what the checks need.
        private byte[]? json = json;

        public long Position { get; } = position;

        public string? Hash { get; } = hash;

        public string? Prev { get; } = prev;

        public string? Author { get; } = author;

        public string? Kind { get; } = kind;

        public string? Time { get; } = time;

        public LedgerEntry? Entry { get; private set; }

        public ILedgerBody? Body { get; private set; }

        public string? FormatError { get; private set; }

        public string? BodyError { get; private set; }

        public bool SignatureValid { get; private set; }

        public void Decode(EntrySignatureVerifier signatures, long skipSignaturesThrough)
        {
            if (json is null)
            {
                FormatError = "the entry text is missing.";
                return;
            }

            try
            {
                // The stored UTF-8 exactly: bytes that only decode with replacement characters are not the signed entry.
                Entry = LedgerEntry.Parse(json, Position);
                json = null;
            }
            catch (LedgerFormatException ex)
            {
                FormatError = ex.Message;
                return;
            }

            SignatureValid = Position <= skipSignaturesThrough || signatures.Verify(Entry);
            try
            {
                Body = LedgerBody.Parse(Entry);
            }
            catch (LedgerFormatException ex)
            {
                BodyError = ex.Message;
            }
        }
    }
}
