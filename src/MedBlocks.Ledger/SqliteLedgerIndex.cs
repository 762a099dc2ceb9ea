using System.Globalization;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger;

/// <summary>Writes the index rows an appended entry produces, inside the append's transaction.</summary>
internal static class SqliteLedgerIndex
{
    public static void Apply(SqliteConnection connection, SqliteTransaction transaction, LedgerEntry entry, ILedgerBody body, long position)
    {
        var time = LedgerEntry.FormatTime(entry.Time);
        switch (body)
        {
            case IdentityDeclaration identity:
                Run(connection, transaction, """
                    INSERT INTO identities (address, position, role, enc, fingerprint, label, time)
                    VALUES ($address, $position, $role, $enc, $fingerprint, $label, $time)
                    """,
                    ("$address", identity.Address),
                    ("$position", position),
                    ("$role", ParticipantRoles.ToName(identity.Role)),
                    ("$enc", identity.EncryptionKey),
                    ("$fingerprint", identity.EncryptionKeyFingerprint),
                    ("$label", identity.Label),
                    ("$time", time));
                break;
            case MedBlockDeclaration medBlock:
                Run(connection, transaction, """
                    INSERT INTO medblocks (hash, position, patient, author, time, cid, content_type, emergency, legacy, ct_hash, record_sig)
                    VALUES ($hash, $position, $patient, $author, $time, $cid, $type, $emergency, $legacy, $ctHash, $recordSig)
                    """,
                    ("$hash", entry.Hash),
                    ("$position", position),
                    ("$patient", medBlock.Patient),
                    ("$author", entry.Author),
                    ("$time", time),
                    ("$cid", medBlock.Cid),
                    ("$type", medBlock.ContentType),
                    ("$emergency", medBlock.Emergency),
                    ("$legacy", medBlock.Legacy),
                    ("$ctHash", medBlock.CiphertextHash),
                    ("$recordSig", medBlock.RecordSig));
                foreach (var (holder, wrapped) in medBlock.Keys)
                {
                    InsertKey(connection, transaction, entry.Hash, holder, wrapped, position);
                }

                break;
            case KeyGrant grant:
                InsertKey(connection, transaction, grant.MedBlock, grant.Grantee, grant.Key, position);
                break;
            case Refusal refusal:
                Run(connection, transaction, "INSERT INTO refusals (medblock, position, time) VALUES ($medblock, $position, $time)",
                    ("$medblock", refusal.MedBlock), ("$position", position), ("$time", time));
                break;
            case CardRevocation revocation:
                Run(connection, transaction, "INSERT INTO card_revocations (patient, serial, position, reason) VALUES ($patient, $serial, $position, $reason)",
                    ("$patient", revocation.Patient),
                    ("$serial", revocation.Serial),
                    ("$position", position),
                    ("$reason", revocation.Reason.ToString().ToLowerInvariant()));
                break;
        }
    }

    private static void InsertKey(SqliteConnection connection, SqliteTransaction transaction, string medBlock, string holder, string wrapped, long position) =>
        Run(connection, transaction, "INSERT INTO medblock_keys (medblock, holder, wrapped, position) VALUES ($medblock, $holder, $wrapped, $position)",
            ("$medblock", medBlock), ("$holder", holder), ("$wrapped", wrapped), ("$position", position));

    private static void Run(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value switch
            {
                null => DBNull.Value,
                bool flag => flag ? 1L : 0L,
                IFormattable number => Convert.ToInt64(number, CultureInfo.InvariantCulture),
                _ => value,
            });
        }

        command.ExecuteNonQuery();
    }
}
