using MedBlocks.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger;

/// <summary>Reads MedBlock views from the index tables: declaration, effective key map, refusal.</summary>
internal static class SqliteMedBlockQuery
{
    private const string Columns = """
        SELECT m.hash, m.position, m.cid, m.patient, m.content_type, m.author, m.time, m.emergency, m.legacy,
               m.ct_hash, m.record_sig, r.time
        FROM medblocks m LEFT JOIN refusals r ON r.medblock = m.hash
        """;

    public static IReadOnlyList<MedBlockView> ForPatient(SqliteConnection connection, SqliteTransaction transaction, string patient)
    {
        var keys = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        using (var keyCommand = connection.CreateCommand())
        {
            keyCommand.Transaction = transaction;
            keyCommand.CommandText = """
                SELECT k.medblock, k.holder, k.wrapped FROM medblocks m
                JOIN medblock_keys k ON k.medblock = m.hash
                WHERE m.patient = $patient
                """;
            keyCommand.Parameters.AddWithValue("$patient", patient);
            using var reader = keyCommand.ExecuteReader();
            while (reader.Read())
            {
                var hash = reader.GetString(0);
                if (!keys.TryGetValue(hash, out var map))
                {
                    map = new SortedDictionary<string, string>(StringComparer.Ordinal);
                    keys[hash] = map;
                }

                map[reader.GetString(1)] = reader.GetString(2);
            }
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Columns + " WHERE m.patient = $patient ORDER BY m.position";
        command.Parameters.AddWithValue("$patient", patient);
        using var rows = command.ExecuteReader();
        var views = new List<MedBlockView>();
        while (rows.Read())
        {
            views.Add(ReadView(rows, keys.GetValueOrDefault(rows.GetString(0)) ?? []));
        }

        return views;
    }

    public static MedBlockView? ByHash(SqliteConnection connection, SqliteTransaction transaction, string hash)
    {
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using (var keyCommand = connection.CreateCommand())
        {
            keyCommand.Transaction = transaction;
            keyCommand.CommandText = "SELECT holder, wrapped FROM medblock_keys WHERE medblock = $hash";
            keyCommand.Parameters.AddWithValue("$hash", hash);
            using var reader = keyCommand.ExecuteReader();
            while (reader.Read())
            {
                keys[reader.GetString(0)] = reader.GetString(1);
            }
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Columns + " WHERE m.hash = $hash";
        command.Parameters.AddWithValue("$hash", hash);
        using var rows = command.ExecuteReader();
        return rows.Read() ? ReadView(rows, keys) : null;
    }

    private static MedBlockView ReadView(SqliteDataReader row, IReadOnlyDictionary<string, string> keys) => new(
        Hash: row.GetString(0),
        Position: row.GetInt64(1),
        Cid: row.GetString(2),
        Patient: row.GetString(3),
        ContentType: row.GetString(4),
        Author: row.GetString(5),
        Time: LedgerEntry.ParseTime(row.GetString(6)),
        Emergency: row.GetBoolean(7),
        Legacy: row.GetBoolean(8),
        CiphertextHash: row.GetString(9),
        RecordSig: row.IsDBNull(10) ? null : row.GetString(10),
        Keys: keys,
        Refused: !row.IsDBNull(11),
        RefusedAt: row.IsDBNull(11) ? null : LedgerEntry.ParseTime(row.GetString(11)));
}
