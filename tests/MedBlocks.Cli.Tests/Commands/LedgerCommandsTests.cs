using Microsoft.Data.Sqlite;

namespace MedBlocks.Cli.Tests.Commands;

public sealed class LedgerCommandsTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task Verify_AfterRowEdited_FailsNamingTheEntry()
    {
        await cli.CreateParticipantAsync("a", "patient");
        await cli.CreateParticipantAsync("b", "practitioner");
        await cli.CreateParticipantAsync("c", "lab");
        await cli.RunOkAsync("ledger", "verify");

        var path = Path.Combine(cli.Home, "ledger.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();

            // An attacker with the file can drop the append-only triggers; verification must still notice.
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'trigger'";
            var triggers = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    triggers.Add(reader.GetString(0));
                }
            }

            foreach (var trigger in triggers)
            {
                command.CommandText = $"DROP TRIGGER \"{trigger}\"";
                await command.ExecuteNonQueryAsync();
            }

            command.CommandText = "UPDATE entries SET json = replace(json, '\"role\":\"practitioner\"', '\"role\":\"emergency\"') WHERE position = 2";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var run = await cli.RunAsync("ledger", "verify");

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("2", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        cli.Dispose();
    }
}
