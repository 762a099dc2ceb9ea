using MedBlocks.Core.Ledger;
using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger;

/// <summary>
/// Rule state read from the index tables as it stood before <see cref="Before"/>: every index row
/// carries the position of the entry that made it, so later rows are ignored.
/// </summary>
internal sealed class SqliteLedgerState : ILedgerState, IDisposable
{
    private readonly SqliteCommand participant;
    private readonly SqliteCommand medBlock;
    private readonly SqliteCommand holdsKey;

    public SqliteLedgerState(SqliteConnection connection)
    {
        participant = connection.CreateCommand();
        participant.CommandText = """
            SELECT address, role, enc, fingerprint, label, position, time FROM identities
            WHERE address = $address AND position < $before ORDER BY position DESC LIMIT 1
            """;
        participant.Parameters.Add("$address", SqliteType.Text);
        participant.Parameters.Add("$before", SqliteType.Integer);

        medBlock = connection.CreateCommand();
        medBlock.CommandText = """
            SELECT m.patient, m.emergency, r.position IS NOT NULL FROM medblocks m
            LEFT JOIN refusals r ON r.medblock = m.hash AND r.position < $before
            WHERE m.hash = $hash AND m.position < $before
            """;
        medBlock.Parameters.Add("$hash", SqliteType.Text);
        medBlock.Parameters.Add("$before", SqliteType.Integer);

        holdsKey = connection.CreateCommand();
        holdsKey.CommandText = "SELECT 1 FROM medblock_keys WHERE medblock = $hash AND holder = $holder AND position < $before";
        holdsKey.Parameters.Add("$hash", SqliteType.Text);
        holdsKey.Parameters.Add("$holder", SqliteType.Text);
        holdsKey.Parameters.Add("$before", SqliteType.Integer);
    }

    /// <summary>Only index rows from entries before this position count.</summary>
    public long Before { get; set; } = long.MaxValue;

    public SqliteTransaction? Transaction
    {
        set
        {
            participant.Transaction = value;
            medBlock.Transaction = value;
            holdsKey.Transaction = value;
        }
    }

    public DeclaredParticipant? FindParticipant(string address)
    {
        participant.Parameters["$address"].Value = address;
        participant.Parameters["$before"].Value = Before;
        using var reader = participant.ExecuteReader();
        return reader.Read() ? SqliteRows.ReadParticipant(reader) : null;
    }

    public MedBlockState? FindMedBlock(string hash)
    {
        medBlock.Parameters["$hash"].Value = hash;
        medBlock.Parameters["$before"].Value = Before;
        using var reader = medBlock.ExecuteReader();
        return reader.Read() ? new MedBlockState(hash, reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2)) : null;
    }

    public bool HoldsKey(string medBlockHash, string address)
    {
        holdsKey.Parameters["$hash"].Value = medBlockHash;
        holdsKey.Parameters["$holder"].Value = address;
        holdsKey.Parameters["$before"].Value = Before;
        return holdsKey.ExecuteScalar() is not null;
    }

    public void Dispose()
    {
        participant.Dispose();
        medBlock.Dispose();
        holdsKey.Dispose();
    }
}
