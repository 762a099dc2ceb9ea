using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger.Tests;

/// <summary>A ledger path in a fresh temporary directory, removed afterwards.</summary>
public sealed class TempLedgerFile : IDisposable
{
    public TempLedgerFile()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("medblocks-ledger-").FullName;
        Path = System.IO.Path.Combine(Directory, "ledger.db");
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>Runs SQL directly on the file, as someone with file access could, after removing the append-only triggers.</summary>
    public void Tamper(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS entries_no_update; DROP TRIGGER IF EXISTS entries_no_delete; " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    public T Query<T>(string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a failed test's process; the OS temp cleaner removes it.
        }
    }
}
