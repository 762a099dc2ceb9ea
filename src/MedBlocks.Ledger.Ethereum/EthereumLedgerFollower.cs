using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>
/// Keeps a host's local index caught up with the chain: one catch-up every <see cref="EthereumLedgerOptions.PollInterval"/>,
/// backing off (up to a minute) while the node cannot be reached. Queries between two passes see the index as it stands.
/// </summary>
public sealed class EthereumLedgerFollower(EthereumLedger ledger, IOptions<EthereumLedgerOptions> options, ILogger<EthereumLedgerFollower> logger, TimeProvider timeProvider)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        var delay = interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ledger.CatchUpAsync(stoppingToken);
                delay = interval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is EthereumNodeException or Core.Ledger.LedgerException or Microsoft.Data.Sqlite.SqliteException)
            {
                delay = delay * 2 < MaxBackoff ? delay * 2 : MaxBackoff;
                EthereumLedgerLog.FollowFailed(logger, ex, delay);
            }

            try
            {
                await Task.Delay(delay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
