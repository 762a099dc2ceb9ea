using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Staff;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Kiosk.Emergency;

/// <summary>
/// After each emergency summary a signed-in member of staff sees, fetches the patient's emergency
/// records online (once per tap, whatever the number of open screens), records the read on the card
/// when the card is still in the reader, and publishes the outcome for the screens.
/// </summary>
public sealed partial class EmergencyRecordsFollower(
    ScreenEventHub hub,
    StationStaff staff,
    EmergencyRecordReader records,
    CardInReader card,
    IKeyProvider keys,
    StationIdentity station,
    PinAttemptLimiter pinLimiter,
    TimeProvider time,
    ILogger<EmergencyRecordsFollower> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan CardLogTimeout = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _running = [];
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = hub.Subscribe(OnScreenEventAsync);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        await _stopping.CancelAsync();
        Task[] running;
        lock (_lock)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken);
    }

    /// <summary>Completes when every fetch started so far has published its outcome (for tests).</summary>
    public Task IdleAsync()
    {
        lock (_lock)
        {
            return Task.WhenAll([.. _running]);
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _stopping.Dispose();
    }

    private Task OnScreenEventAsync(ScreenEvent screenEvent)
    {
        if (screenEvent is EmergencySummaryRead { PatientAddress: { } patient } read && staff.Current is { } session && !_stopping.IsCancellationRequested)
        {
            // Off the hub's loop: the summary reaches the screens at once, the records when they come.
            var fetch = Task.Run(() => FetchAsync(read, patient, session));
            lock (_lock)
            {
                _running.Add(fetch);
            }

            _ = fetch.ContinueWith(t => { lock (_lock) { _running.Remove(t); } }, TaskScheduler.Default);
        }

        return Task.CompletedTask;
    }

    private async Task FetchAsync(EmergencySummaryRead read, string patient, StaffSession session)
    {
        try
        {
            var list = await records.ReadAsync(session, patient, _stopping.Token);
            if (list.LedgerAudits > 0)
            {
                list = list with { CardLogged = await LogOnCardAsync(read.CardSerial) };
            }

            await hub.PublishAsync(new EmergencyRecordsRead(read.CardSerial, read.CardEventTime, list));
        }
        catch (StaffSessionEndedException)
        {
            // Signed out meanwhile: the screens have cleared; nothing more is read.
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Log.FetchFailed(logger, e.GetType().Name);
        }
    }

    private async Task<bool> LogOnCardAsync(string cardSerial)
    {
        if (!card.IsPresent)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(CardLogTimeout);
        try
        {
            return await card.UseAsync(
                async (transport, ct) =>
                {
                    using var reader = new PatientCardReader(transport, keys, station, pinLimiter, time);
                    return await reader.RecordEmergencyRecordsReadAsync(cardSerial, ct);
                },
                timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            // The card left or would not answer: the ledger holds the audit regardless.
            Log.CardLogFailed(logger, e.GetType().Name);
            return false;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(620, LogLevel.Warning, "Emergency records read could not be logged on the card: {Reason}")]
        public static partial void CardLogFailed(ILogger logger, string reason);

        [LoggerMessage(621, LogLevel.Error, "Emergency records fetch failed: {Reason}")]
        public static partial void FetchFailed(ILogger logger, string reason);
    }
}
