namespace MedBlocks.Ledger.Tests;

/// <summary>A ledger file with the <see cref="LedgerCast"/>, for the embedded ledger's own tests.</summary>
internal sealed class LedgerScenario : LedgerCast, IDisposable
{
    public LedgerScenario()
    {
        Ledger = Open();
    }

    public TempLedgerFile File { get; } = new();

    public SqliteLedger Ledger { get; private set; }

    public SqliteLedger Open(int verifyBatchSize = 1024) =>
        new(new SqliteLedgerOptions { Path = File.Path, VerifyBatchSize = verifyBatchSize }, Clock);

    /// <summary>Closes the ledger, runs <paramref name="change"/> on the closed file, and opens it again.</summary>
    public void WhileClosed(Action<TempLedgerFile> change, int verifyBatchSize = 1024)
    {
        Ledger.Dispose();
        change(File);
        Ledger = Open(verifyBatchSize);
    }

    /// <summary>Positions 1–6: patient, practitioner, lab, emergency, site, second patient.</summary>
    public Task DeclareParticipantsAsync() => DeclareParticipantsAsync(Ledger);

    public void Dispose()
    {
        Ledger.Dispose();
        File.Dispose();
    }
}
