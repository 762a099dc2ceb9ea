using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger;

/// <summary>
/// The ledger file's schema: the append-only <c>entries</c> chain, and index tables derived from it
/// in the same transaction (every index row carries the position of the entry that produced it, so
/// the rule state "as of" any position can be queried).
/// </summary>
internal static class SqliteLedgerSchema
{
    public const int Version = 1;

    /// <summary>Refuses deletes of entries; dropped only inside <see cref="SqliteLedger"/>'s cut of a followed chain.</summary>
    public const string NoDeleteTriggerSql = """
        CREATE TRIGGER IF NOT EXISTS entries_no_delete BEFORE DELETE ON entries
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
        """;

    private const string CreateSql = $$"""
        CREATE TABLE IF NOT EXISTS entries (
            position INTEGER PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            prev TEXT NOT NULL,
            author TEXT NOT NULL,
            kind TEXT NOT NULL,
            time TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE TRIGGER IF NOT EXISTS entries_no_update BEFORE UPDATE ON entries
        BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
        {{NoDeleteTriggerSql}}

        CREATE TABLE IF NOT EXISTS identities (
            address TEXT NOT NULL,
            position INTEGER NOT NULL,
            role TEXT NOT NULL,
            enc TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            label TEXT,
            time TEXT NOT NULL,
            PRIMARY KEY (address, position)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS medblocks (
            hash TEXT PRIMARY KEY,
            position INTEGER NOT NULL UNIQUE,
            patient TEXT NOT NULL,
            author TEXT NOT NULL,
            time TEXT NOT NULL,
            cid TEXT NOT NULL,
            content_type TEXT NOT NULL,
            emergency INTEGER NOT NULL,
            legacy INTEGER NOT NULL,
            ct_hash TEXT NOT NULL,
            record_sig TEXT
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS medblocks_by_patient ON medblocks (patient, position);

        CREATE TABLE IF NOT EXISTS medblock_keys (
            medblock TEXT NOT NULL,
            holder TEXT NOT NULL,
            wrapped TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (medblock, holder)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS refusals (
            medblock TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            time TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS card_revocations (
            patient TEXT NOT NULL,
            serial TEXT NOT NULL,
            position INTEGER NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (patient, serial, position)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """;

    /// <exception cref="InvalidOperationException">The file was written by a newer schema.</exception>
    public static void Ensure(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = CreateSql;
            create.ExecuteNonQuery();
        }

        using (var version = connection.CreateCommand())
        {
            version.Transaction = transaction;
            version.CommandText = "SELECT value FROM meta WHERE key = 'schema'";
            var stored = version.ExecuteScalar() as string;
            if (stored is null)
            {
                version.CommandText = $"INSERT INTO meta (key, value) VALUES ('schema', '{Version}')";
                version.ExecuteNonQuery();
            }
            else if (stored != Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException($"The ledger file has schema {stored}; this version reads schema {Version}.");
            }
        }

        transaction.Commit();
    }
}
