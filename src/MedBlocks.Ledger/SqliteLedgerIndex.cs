using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger;

/// <summary>
/// Writes an appended entry and the index rows it produces, inside the append's transaction. The statements
/// are prepared once per writer connection.
/// </summary>
internal sealed class SqliteLedgerIndex : IDisposable
{
    private readonly SqliteCommand insertEntry;
    private readonly SqliteCommand insertIdentity;
    private readonly SqliteCommand insertMedBlock;
    private readonly SqliteCommand insertKey;
    private readonly SqliteCommand insertRefusal;
    private readonly SqliteCommand insertRevocation;

    public SqliteLedgerIndex(SqliteConnection connection)
    {
        insertEntry = Prepare(connection, """
            INSERT INTO entries (position, hash, prev, author, kind, time, json)
            VALUES ($position, $hash, $prev, $author, $kind, $time, $json)
            """);
        insertIdentity = Prepare(connection, """
            INSERT INTO identities (address, position, role, enc, fingerprint, label, time)
            VALUES ($address, $position, $role, $enc, $fingerprint, $label, $time)
            """);
        insertMedBlock = Prepare(connection, """
            INSERT INTO medblocks (hash, position, patient, author, time, cid, content_type, emergency, legacy, ct_hash, record_sig)
            VALUES ($hash, $position, $patient, $author, $time, $cid, $type, $emergency, $legacy, $ctHash, $recordSig)
            """);
        insertKey = Prepare(connection, "INSERT INTO medblock_keys (medblock, holder, wrapped, position) VALUES ($medblock, $holder, $wrapped, $position)");
        insertRefusal = Prepare(connection, "INSERT INTO refusals (medblock, position, time) VALUES ($medblock, $position, $time)");
        insertRevocation = Prepare(connection, "INSERT INTO card_revocations (patient, serial, position, reason) VALUES ($patient, $serial, $position, $reason)");
    }

    public void Append(SqliteTransaction transaction, LedgerEntry entry, ILedgerBody body, long position)
    {
        var time = LedgerEntry.FormatTime(entry.Time);
        Run(insertEntry, transaction,
            ("$position", position),
            ("$hash", entry.Hash),
            ("$prev", entry.Prev),
            ("$author", entry.Author),
            ("$kind", entry.Kind),
            ("$time", time),
            ("$json", entry.ToCanonicalString()));
        switch (body)
        {
            case IdentityDeclaration identity:
                Run(insertIdentity, transaction,
                    ("$address", identity.Address),
                    ("$position", position),
                    ("$role", ParticipantRoles.ToName(identity.Role)),
                    ("$enc", identity.EncryptionKey),
                    ("$fingerprint", identity.EncryptionKeyFingerprint),
                    ("$label", identity.Label),
                    ("$time", time));
                break;
            case MedBlockDeclaration medBlock:
                Run(insertMedBlock, transaction,
                    ("$hash", entry.Hash),
                    ("$position", position),
                    ("$patient", medBlock.Patient),
                    ("$author", entry.Author),
                    ("$time", time),
                    ("$cid", medBlock.Cid),
                    ("$type", medBlock.ContentType),
                    ("$emergency", medBlock.Emergency ? 1L : 0L),
                    ("$legacy", medBlock.Legacy ? 1L : 0L),
                    ("$ctHash", medBlock.CiphertextHash),
                    ("$recordSig", medBlock.RecordSig));
                foreach (var (holder, wrapped) in medBlock.Keys)
                {
                    InsertKey(transaction, entry.Hash, holder, wrapped, position);
                }

                break;
            case KeyGrant grant:
                InsertKey(transaction, grant.MedBlock, grant.Grantee, grant.Key, position);
                break;
            case Refusal refusal:
                Run(insertRefusal, transaction, ("$medblock", refusal.MedBlock), ("$position", position), ("$time", time));
                break;
            case CardRevocation revocation:
                Run(insertRevocation, transaction,
                    ("$patient", revocation.Patient),
                    ("$serial", revocation.Serial),
                    ("$position", position),
                    ("$reason", revocation.Reason.ToString().ToLowerInvariant()));
                break;
        }
    }

    public void Dispose()
    {
        insertEntry.Dispose();
        insertIdentity.Dispose();
        insertMedBlock.Dispose();
        insertKey.Dispose();
        insertRefusal.Dispose();
        insertRevocation.Dispose();
    }

    private void InsertKey(SqliteTransaction transaction, string medBlock, string holder, string wrapped, long position) =>
        Run(insertKey, transaction, ("$medblock", medBlock), ("$holder", holder), ("$wrapped", wrapped), ("$position", position));

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction, params (string Name, object? Value)[] parameters)
    {
        command.Transaction = transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
