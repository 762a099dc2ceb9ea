using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger;

/// <summary>Maps index rows back to domain objects.</summary>
internal static class SqliteRows
{
    /// <summary>Reads columns address, role, enc, fingerprint, label, position, time.</summary>
    public static DeclaredParticipant ReadParticipant(SqliteDataReader reader)
    {
        if (!ParticipantRoles.TryParse(reader.GetString(1), out var role))
        {
            throw new LedgerFormatException("The participant index holds an unknown role; verify the ledger.");
        }

        return new DeclaredParticipant(
            reader.GetString(0),
            role,
            reader.GetString(2),
            reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetInt64(5),
            LedgerEntry.ParseTime(reader.GetString(6)));
    }
}
