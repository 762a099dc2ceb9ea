using MedBlocks.Core.Ledger;

namespace MedBlocks.Ledger.Tests;

/// <summary>Where a ledger implementation under test keeps its data: opened, closed and opened again over the same store.</summary>
public interface ILedgerHost : IAsyncDisposable
{
    /// <summary>Opens the ledger over this host's store (created empty on the first call).</summary>
    Task<ILedger> OpenAsync(TimeProvider clock);
}
