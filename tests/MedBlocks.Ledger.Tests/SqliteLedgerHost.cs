using MedBlocks.Core.Ledger;

namespace MedBlocks.Ledger.Tests;

/// <summary>The embedded ledger in a temporary file.</summary>
public sealed class SqliteLedgerHost : ILedgerHost
{
    private readonly TempLedgerFile file = new();

    public Task<ILedger> OpenAsync(TimeProvider clock) =>
        Task.FromResult<ILedger>(new SqliteLedger(new SqliteLedgerOptions { Path = file.Path }, clock));

    public ValueTask DisposeAsync()
    {
        file.Dispose();
        return ValueTask.CompletedTask;
    }
}
