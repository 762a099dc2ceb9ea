using Microsoft.Extensions.Logging;

namespace MedBlocks.Ledger;

/// <summary>Log messages of the embedded ledger; they carry positions and hashes only, never bodies.</summary>
internal static partial class SqliteLedgerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Ledger opened at {Path}: {Entries} entries")]
    public static partial void Opened(ILogger logger, string path, long entries);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Append lost the race for the head (attempt {Attempt}); rebuilding on position {Position}")]
    public static partial void HeadMoved(ILogger logger, int attempt, long position);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Ledger verified: {Entries} entries, head {Head}, in {ElapsedMs} ms")]
    public static partial void Verified(ILogger logger, long entries, string head, long elapsedMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Ledger verification failed at position {Position} ({Hash}): {Rule}: {Reason}")]
    public static partial void VerificationFailed(ILogger logger, long? position, string? hash, string? rule, string? reason);
}
