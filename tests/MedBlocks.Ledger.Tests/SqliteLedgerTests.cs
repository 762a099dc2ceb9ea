using Microsoft.Data.Sqlite;

namespace MedBlocks.Ledger.Tests;

/// <summary>The embedded ledger's own storage: triggers, stored text, options. Its behaviour is in <see cref="SqliteLedgerContractTests"/>.</summary>
public sealed class SqliteLedgerTests : IDisposable
{
    private readonly LedgerScenario scenario = new();

    private SqliteLedger Ledger => scenario.Ledger;

    public void Dispose() => scenario.Dispose();

    [Fact]
    public async Task Entries_UpdateOrDeleteThroughSql_IsRefusedByTriggers()
    {
        await scenario.DeclareParticipantsAsync();
        using var connection = new SqliteConnection($"Data Source={scenario.File.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();

        command.CommandText = "UPDATE entries SET author = 'x' WHERE position = 1";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => command.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        command.CommandText = "DELETE FROM entries WHERE position = 6";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => command.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        Assert.Equal(6, (await Ledger.GetHeadAsync()).Position);
    }

    [Fact]
    public async Task Entries_StoredText_IsExactlyTheSignedCanonicalJson()
    {
        await scenario.DeclareParticipantsAsync();
        var entry = await Ledger.AppendAsync(scenario.Lab, LedgerScenario.MedBlockFor(scenario.Patient, "bafkreia"));
        var stored = scenario.File.Query<string>("SELECT json FROM entries WHERE position = 7");
        Assert.Equal(entry.ToCanonicalString(), stored);
        Assert.Equal(entry.Hash, scenario.File.Query<string>("SELECT hash FROM entries WHERE position = 7"));
    }

    [Fact]
    public async Task Options_Invalid_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new SqliteLedger(new SqliteLedgerOptions { Path = " " }));
        Assert.Throws<ArgumentException>(() => new SqliteLedger(new SqliteLedgerOptions { Path = "/nonexistent-dir-medblocks/ledger.db" }));
        Assert.Throws<ArgumentException>(() => new SqliteLedgerOptions { Path = scenario.File.Path, BusyTimeout = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentException>(() => new SqliteLedgerOptions { Path = scenario.File.Path, MaxAppendAttempts = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new SqliteLedgerOptions { Path = scenario.File.Path, VerifyBatchSize = 0 }.Validate());
        await Task.CompletedTask;
    }
}
