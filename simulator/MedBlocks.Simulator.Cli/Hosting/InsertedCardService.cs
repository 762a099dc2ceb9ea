using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Vpcd;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedBlocks.Simulator.Cli.Hosting;

/// <summary>
/// Keeps one simulated card in a vpcd slot until the host stops (Ctrl+C, SIGTERM from
/// <c>remove</c>) or pcscd closes the slot, then writes the card's committed state back to its image
/// and releases the slot the command claimed.
/// </summary>
internal sealed partial class InsertedCardService(
    InsertedCardOptions options,
    SlotDirectory slots,
    IHostApplicationLifetime lifetime,
    ILogger<InsertedCardService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var state = CardImage.Load(options.ImagePath);
        var card = new SimulatedDesfireCard(state);
        var uid = Convert.ToHexString(state.Uid);
        var bridge = new VpcdCardBridge(card, options.Slot, options.BasePort);
        var inserted = false;
        try
        {
            await bridge.InsertAsync(stoppingToken);
            inserted = true;
            LogInserted(logger, uid, options.Slot, bridge.Endpoint.Port);
            try
            {
                await bridge.Completion.WaitAsync(stoppingToken);
                LogReaderClosed(logger, options.Slot);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Removed by Ctrl+C or 'remove'.
            }
        }
        catch (System.Net.Sockets.SocketException e)
        {
            LogConnectFailed(logger, bridge.Endpoint.Port, e.Message);
            Environment.ExitCode = SimulatorCliApplication.Failure;
        }
        finally
        {
            await bridge.RemoveAsync();
            slots.Release(options.Slot);
            if (inserted)
            {
                CardImage.Save(state, options.ImagePath);
                LogSaved(logger, options.Slot, options.ImagePath);
            }

            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Card {Uid} inserted in slot {Slot} (vpcd port {Port})")]
    private static partial void LogInserted(ILogger logger, string uid, int slot, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "The reader closed slot {Slot}")]
    private static partial void LogReaderClosed(ILogger logger, int slot);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not reach vpcd on port {Port}: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, int port, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card removed from slot {Slot}; image saved to {Path}")]
    private static partial void LogSaved(ILogger logger, int slot, string path);
}
