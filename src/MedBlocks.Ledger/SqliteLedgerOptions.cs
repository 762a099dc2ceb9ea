namespace MedBlocks.Ledger;

/// <summary>Where and how the embedded ledger stores its chain.</summary>
public sealed record SqliteLedgerOptions
{
    /// <summary>Path of the SQLite file; created with its schema if absent. Its directory must exist.</summary>
    public required string Path { get; init; }

    /// <summary>Whether each append is fsynced (default) or only made crash-safe; see <see cref="SqliteDurability"/>.</summary>
    public SqliteDurability Durability { get; init; } = SqliteDurability.Full;

    /// <summary>How long a writer waits for another process's write transaction before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times the signer-based append rebuilds its entry after losing a race for the head.</summary>
    public int MaxAppendAttempts { get; init; } = 64;

    /// <summary>Entries whose signatures are verified in parallel at a time; bounds verification memory.</summary>
    public int VerifyBatchSize { get; init; } = 1024;

    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException("The ledger path is required.", nameof(Path));
        }

        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (directory is null || !Directory.Exists(directory))
        {
            throw new ArgumentException($"The ledger's directory '{directory}' does not exist.", nameof(Path));
        }

        if (BusyTimeout <= TimeSpan.Zero || BusyTimeout > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException("BusyTimeout is between 0 and 10 minutes.", nameof(BusyTimeout));
        }

        if (!Enum.IsDefined(Durability))
        {
            throw new ArgumentException("Durability is Full or Normal.", nameof(Durability));
        }

        if (MaxAppendAttempts is < 1 or > 10_000)
        {
            throw new ArgumentException("MaxAppendAttempts is between 1 and 10000.", nameof(MaxAppendAttempts));
        }

        if (VerifyBatchSize is < 1 or > 65_536)
        {
            throw new ArgumentException("VerifyBatchSize is between 1 and 65536.", nameof(VerifyBatchSize));
        }
    }
}
