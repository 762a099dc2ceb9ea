using Microsoft.Extensions.Logging;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>Log messages of the Ethereum ledger: block numbers, transaction hashes, positions and rule names only, never entry bodies or keys.</summary>
internal static partial class EthereumLedgerLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Ethereum ledger: contract {Contract} on chain {ChainId} via {Node}, station account {Account}, index {IndexPath} at position {Position}")]
    public static partial void Opened(ILogger logger, string contract, long chainId, Uri node, string account, string indexPath, long position);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Ledger event refused at block {Block} log {LogIndex} (transaction {Transaction}): rule {Rule}")]
    public static partial void EventRefused(ILogger logger, long block, long logIndex, string transaction, string rule);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Chain reorganised: block {Stale} left the chain; fork at block {Fork}, {Removed} entries cut from the index and read again")]
    public static partial void Reorganised(ILogger logger, long stale, long fork, long removed);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "Entry {Hash} sent in transaction {Transaction} (nonce {Nonce})")]
    public static partial void Sent(ILogger logger, string hash, string transaction, long nonce);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Entry {Hash} confirmed at position {Position}, block {Block}")]
    public static partial void Confirmed(ILogger logger, string hash, long position, long block);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Transaction {Transaction} left the chain or the node's pool; sending it again")]
    public static partial void Resent(ILogger logger, string transaction);

    [LoggerMessage(EventId = 107, Level = LogLevel.Warning, Message = "Following the chain failed; retrying in {Delay}")]
    public static partial void FollowFailed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 108, Level = LogLevel.Debug, Message = "Append lost the race for the head (attempt {Attempt}); rebuilding on position {Position}")]
    public static partial void HeadMoved(ILogger logger, int attempt, long position);

    [LoggerMessage(EventId = 109, Level = LogLevel.Warning, Message = "Pending transaction {Transaction} can no longer be mined (its nonce was used); the entry is signed again")]
    public static partial void PendingReplaced(ILogger logger, string transaction);
}
