using MedBlocks.Pcsc.Monitoring;
using MedBlocks.Pcsc.Native;
using MedBlocks.SmartCards.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedBlocks.Pcsc.Hosting;

/// <summary>
/// Runs a <see cref="ReaderMonitor"/> for the host; on each card insertion in a selected reader it
/// connects, reads the UID (FF CA 00 00 00) and publishes <see cref="CardPresent"/>, then
/// <see cref="CardRemoved"/> when the card leaves.
/// </summary>
public sealed class CardWorker : BackgroundService
{
    private readonly IPcscInterop interop;
    private readonly CardWorkerOptions options;
    private readonly ReaderFilter filter;
    private readonly ICardEventSink sink;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;
    private readonly Func<TimeSpan, CancellationToken, Task>? delay;
    private readonly HashSet<string> announced = new(StringComparer.Ordinal);

    public CardWorker(IOptions<CardWorkerOptions> options, ICardEventSink sink, ILoggerFactory loggerFactory, TimeProvider timeProvider)
        : this(PcscInteropFactory.ForCurrentPlatform(), options, sink, loggerFactory, timeProvider, delay: null)
    {
    }

    internal CardWorker(IPcscInterop interop, IOptions<CardWorkerOptions> options, ICardEventSink sink, ILoggerFactory loggerFactory, TimeProvider timeProvider, Func<TimeSpan, CancellationToken, Task>? delay)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.interop = interop;
        this.options = options.Value;
        filter = ReaderFilter.Create(this.options);
        this.sink = sink;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<CardWorker>();
        this.timeProvider = timeProvider;
        this.delay = delay;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var monitor = new ReaderMonitor(interop, loggerFactory.CreateLogger<ReaderMonitor>(), timeProvider, delay);
        monitor.Start();
        try
        {
            await foreach (var change in monitor.ReadEventsAsync(stoppingToken))
            {
                if (!filter.Matches(change.ReaderName))
                {
                    if (change.Kind == ReaderEventKind.ReaderAttached)
                    {
                        CardWorkerLog.ReaderIgnored(logger, change.ReaderName);
                    }

                    continue;
                }

                await HandleAsync(change, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private async Task HandleAsync(ReaderEvent change, CancellationToken cancellationToken)
    {
        switch (change.Kind)
        {
            case ReaderEventKind.ReaderAttached:
                await sink.PublishAsync(new ReaderAttached(change.ReaderName, change.Timestamp), cancellationToken);
                break;
            case ReaderEventKind.ReaderDetached:
                await sink.PublishAsync(new ReaderDetached(change.ReaderName, change.Timestamp), cancellationToken);
                break;
            case ReaderEventKind.CardInserted:
                var uid = await TryReadUidAsync(change.ReaderName, cancellationToken);
                if (uid is not null)
                {
                    announced.Add(change.ReaderName);
                    CardWorkerLog.CardPresent(logger, change.ReaderName, UidMask.Mask(uid));
                    await sink.PublishAsync(new CardPresent(change.ReaderName, change.Atr, uid, timeProvider.GetUtcNow()), cancellationToken);
                }

                break;
            case ReaderEventKind.CardRemoved:
                if (announced.Remove(change.ReaderName))
                {
                    CardWorkerLog.CardRemoved(logger, change.ReaderName);
                    await sink.PublishAsync(new CardRemoved(change.ReaderName, change.Timestamp), cancellationToken);
                }

                break;
        }
    }

    private async Task<byte[]?> TryReadUidAsync(string readerName, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.UidReadTimeout);
        try
        {
            await using var connection = await Task.Run(() => PcscCardConnection.Open(PcscContext.Establish(interop), readerName, PcscShareMode.Shared), timeout.Token);
            return await connection.ReadUidAsync(timeout.Token);
        }
        catch (CardRemovedException)
        {
            CardWorkerLog.CardLeftEarly(logger, readerName);
        }
        catch (CardTransportException ex)
        {
            CardWorkerLog.UidReadFailed(logger, readerName, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            CardWorkerLog.UidReadFailed(logger, readerName, "timed out");
        }

        return null;
    }
}
