using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MedBlocks.Pcsc.Native;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedBlocks.Pcsc.Monitoring;

/// <summary>
/// Watches readers being attached and detached and cards being inserted and removed, on one
/// background thread blocked in SCardGetStatusChange. Survives the PC/SC service stopping: the
/// context is re-established with back-off (1 s doubling to 30 s) and the reader list resynchronised.
/// While the service is gone every reader is reported detached.
/// </summary>
public sealed class ReaderMonitor : IDisposable, IAsyncDisposable
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly IPcscInterop interop;
    private readonly ILogger logger;
    private readonly TimeProvider timeProvider;
    private readonly Func<TimeSpan, CancellationToken, Task> delay;
    private readonly Channel<ReaderEvent> channel = Channel.CreateUnbounded<ReaderEvent>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly CancellationTokenSource stopping = new();
    private readonly Dictionary<string, TrackedReader> readers = new(StringComparer.Ordinal);
    private readonly PcscReaderState pnp = new(PcscReaderState.PnpNotification);
    private readonly Lock contextLock = new();
    private PcscContext? context;
    private Thread? thread;
    private TimeSpan nextDelay = FirstRetryDelay;
    private bool lastWaitFailed;
    private bool serviceAvailable;
    private int disposed;

    public ReaderMonitor(ILogger<ReaderMonitor>? logger = null, TimeProvider? timeProvider = null)
        : this(PcscInteropFactory.ForCurrentPlatform(), logger ?? NullLogger<ReaderMonitor>.Instance, timeProvider ?? TimeProvider.System, delay: null)
    {
    }

    internal ReaderMonitor(IPcscInterop interop, ILogger logger, TimeProvider timeProvider, Func<TimeSpan, CancellationToken, Task>? delay)
    {
        this.interop = interop;
        this.logger = logger;
        this.timeProvider = timeProvider;
        this.delay = delay ?? ((d, ct) => Task.Delay(d, timeProvider, ct));
    }

    public event EventHandler<ReaderEvent>? ReaderAttached;

    public event EventHandler<ReaderEvent>? ReaderDetached;

    public event EventHandler<ReaderEvent>? CardInserted;

    public event EventHandler<ReaderEvent>? CardRemoved;

    /// <summary>True while the monitor holds a working context.</summary>
    public bool IsServiceAvailable
    {
        get => Volatile.Read(ref serviceAvailable);
        private set => Volatile.Write(ref serviceAvailable, value);
    }

    /// <summary>Starts the background thread; events for readers and cards already present follow at once.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (thread is not null)
        {
            throw new InvalidOperationException("The reader monitor is already running.");
        }

        thread = new Thread(Run) { IsBackground = true, Name = "PC/SC reader monitor" };
        thread.Start();
    }

    /// <summary>All events in order, for one consumer; ends when the monitor is disposed.</summary>
    public async IAsyncEnumerable<ReaderEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await channel.Reader.WaitToReadAsync(cancellationToken))
        {
            while (channel.Reader.TryRead(out var item))
            {
                yield return item;
            }
        }
    }

    private void Run()
    {
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                if (context is null && !TryEstablish())
                {
                    ReportServiceGone();
                    Backoff(token);
                    continue;
                }

                WaitOnce(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                // Never die silently: log, start over with a fresh context.
                ReaderMonitorLog.UnexpectedError(logger, ex, nextDelay);
                DropContext();
                Backoff(token);
            }
        }

        DropContext();
    }

    private void WaitOnce(CancellationToken token)
    {
        var states = new PcscReaderState[readers.Count + 1];
        states[0] = pnp;
        var i = 1;
        foreach (var reader in readers.Values)
        {
            states[i++] = reader.State;
        }

        token.ThrowIfCancellationRequested();
        var rv = context!.GetStatusChange(states, uint.MaxValue);
        switch ((PcscErrorCode)rv)
        {
            case PcscErrorCode.Success:
                nextDelay = FirstRetryDelay;
                lastWaitFailed = false;
                ProcessChanges();
                break;
            case PcscErrorCode.Timeout:
                break;
            case PcscErrorCode.Cancelled:
                token.ThrowIfCancellationRequested();
                break;
            case PcscErrorCode.NoService:
            case PcscErrorCode.ServiceStopped:
            case PcscErrorCode.InvalidHandle:
            case PcscErrorCode.NoReadersAvailable:
            case PcscErrorCode.UnknownReader:
            case PcscErrorCode.ReaderUnavailable:
                ReaderMonitorLog.ServiceLost(logger, PcscErrorNames.Of(rv), lastWaitFailed ? nextDelay : TimeSpan.Zero);
                DropContext();

                // A vanished reader or a short hiccup: a new context at once avoids flapping the reader
                // list; a second failure in a row backs off so a persistent fault cannot spin.
                if (lastWaitFailed)
                {
                    Backoff(token);
                }

                lastWaitFailed = true;
                if (!TryEstablish())
                {
                    ReportServiceGone();
                    Backoff(token);
                }

                break;
            default:
                ReaderMonitorLog.UnexpectedResult(logger, PcscErrorNames.Of(rv), nextDelay);
                DropContext();
                Backoff(token);
                break;
        }
    }

    private void ProcessChanges()
    {
        var resync = false;
        if ((pnp.EventState & ReaderStates.Changed) != 0)
        {
            resync = true;
        }

        pnp.Acknowledge();

        foreach (var reader in readers.Values)
        {
            var state = reader.State;
            if ((state.EventState & ReaderStates.Changed) == 0)
            {
                continue;
            }

            if ((state.EventState & (ReaderStates.Unknown | ReaderStates.Unavailable)) != 0)
            {
                resync = true;
            }

            var present = (state.EventState & ReaderStates.Present) != 0;
            var swapped = present && reader.CardPresent && EventCounter(state.CurrentState) != 0
                && EventCounter(state.EventState) - EventCounter(state.CurrentState) >= 2;
            if (reader.CardPresent && (!present || swapped))
            {
                ReportCardRemoved(reader);
            }

            if (present && (!reader.CardPresent || swapped))
            {
                reader.CardPresent = true;
                reader.Atr = state.Atr;
                Publish(ReaderEventKind.CardInserted, reader.State.ReaderName, state.Atr);
            }

            state.Acknowledge();
        }

        if (resync)
        {
            Resynchronise();
        }
    }

    private static int EventCounter(ReaderStates states) => (int)((uint)states >> 16);

    private bool TryEstablish()
    {
        uint rv;
        PcscContext? fresh = null;
        try
        {
            fresh = PcscContext.Establish(interop);
            rv = fresh.TryListReaders(out var names);
            if (rv == 0)
            {
                lock (contextLock)
                {
                    context = fresh;
                }

                fresh = null;
                IsServiceAvailable = true;
                nextDelay = FirstRetryDelay;
                ReaderMonitorLog.ContextEstablished(logger, names.Count);
                Apply(names);

                // A new context may talk to a restarted service: ask for every state afresh.
                pnp.CurrentState = ReaderStates.Unaware;
                foreach (var reader in readers.Values)
                {
                    reader.State.CurrentState = ReaderStates.Unaware;
                }

                return true;
            }
        }
        catch (PcscException ex)
        {
            rv = ex.Code;
        }
        finally
        {
            fresh?.Dispose();
        }

        ReaderMonitorLog.ServiceLost(logger, PcscErrorNames.Of(rv), nextDelay);
        return false;
    }

    private void Resynchronise()
    {
        var rv = context!.TryListReaders(out var names);
        if (rv != 0)
        {
            // The next wait reports the same failure and takes the recovery path.
            ReaderMonitorLog.UnexpectedResult(logger, PcscErrorNames.Of(rv), TimeSpan.Zero);
            return;
        }

        Apply(names);
    }

    private void Apply(IReadOnlyList<string> names)
    {
        foreach (var gone in readers.Keys.Where(k => !names.Contains(k, StringComparer.Ordinal)).ToList())
        {
            RemoveReader(gone);
        }

        foreach (var name in names.Where(n => !readers.ContainsKey(n)))
        {
            readers[name] = new TrackedReader(name);
            ReaderMonitorLog.ReaderAttached(logger, name);
            Publish(ReaderEventKind.ReaderAttached, name, ReadOnlyMemory<byte>.Empty);
        }
    }

    private void ReportServiceGone()
    {
        IsServiceAvailable = false;
        foreach (var name in readers.Keys.ToList())
        {
            RemoveReader(name);
        }
    }

    private void RemoveReader(string name)
    {
        var reader = readers[name];
        if (reader.CardPresent)
        {
            ReportCardRemoved(reader);
        }

        readers.Remove(name);
        ReaderMonitorLog.ReaderDetached(logger, name);
        Publish(ReaderEventKind.ReaderDetached, name, ReadOnlyMemory<byte>.Empty);
    }

    private void ReportCardRemoved(TrackedReader reader)
    {
        reader.CardPresent = false;
        reader.Atr = ReadOnlyMemory<byte>.Empty;
        Publish(ReaderEventKind.CardRemoved, reader.State.ReaderName, ReadOnlyMemory<byte>.Empty);
    }

    private void Publish(ReaderEventKind kind, string reader, ReadOnlyMemory<byte> atr)
    {
        var item = new ReaderEvent(kind, reader, atr, timeProvider.GetUtcNow());
        if (kind == ReaderEventKind.CardInserted)
        {
            ReaderMonitorLog.CardInserted(logger, reader, Convert.ToHexString(atr.Span));
        }
        else if (kind == ReaderEventKind.CardRemoved)
        {
            ReaderMonitorLog.CardRemoved(logger, reader);
        }

        channel.Writer.TryWrite(item);
        var handler = kind switch
        {
            ReaderEventKind.ReaderAttached => ReaderAttached,
            ReaderEventKind.ReaderDetached => ReaderDetached,
            ReaderEventKind.CardInserted => CardInserted,
            _ => CardRemoved,
        };

        try
        {
            handler?.Invoke(this, item);
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop the monitor.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ReaderMonitorLog.HandlerFailed(logger, ex);
        }
    }

    private void Backoff(CancellationToken token)
    {
        var wait = nextDelay;
        nextDelay = TimeSpan.FromTicks(Math.Min(nextDelay.Ticks * 2, MaxRetryDelay.Ticks));
        try
        {
            delay(wait, token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private void DropContext()
    {
        PcscContext? old;
        lock (contextLock)
        {
            old = context;
            context = null;
        }

        old?.Dispose();
    }

    /// <summary>Cancels the wait (SCardCancel), joins the thread and releases the context; never throws.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            stopping.Cancel();
            var startedStopping = Stopwatch.GetTimestamp();
            while (thread is not null && thread.IsAlive)
            {
                lock (contextLock)
                {
                    _ = context?.TryCancel();
                }

                // The thread may have been between waits when the first cancel arrived; cancel again.
                if (thread.Join(TimeSpan.FromMilliseconds(50)))
                {
                    break;
                }

                if (Stopwatch.GetElapsedTime(startedStopping) > StopTimeout)
                {
                    ReaderMonitorLog.StopTimedOut(logger);
                    break;
                }
            }
        }
#pragma warning disable CA1031 // Dispose must never throw.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ReaderMonitorLog.UnexpectedError(logger, ex, TimeSpan.Zero);
        }
        finally
        {
            channel.Writer.TryComplete();
            if (thread is null || !thread.IsAlive)
            {
                DropContext();
                stopping.Dispose();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
