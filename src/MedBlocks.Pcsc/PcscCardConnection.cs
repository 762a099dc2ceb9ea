using System.Globalization;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Pcsc;

/// <summary>
/// <see cref="ICardTransport"/> over a PC/SC card connection. The blocking native calls run on the
/// thread pool; calls are serialised so an abandoned (cancelled) transmit finishes before the next starts.
/// </summary>
public sealed class PcscCardConnection : ICardTransport, IDisposable, IAsyncDisposable
{
    private static readonly byte[] GetUidCommand = [0xFF, 0xCA, 0x00, 0x00, 0x00];

    private readonly PcscCard card;
    private readonly PcscContext? ownedContext;
    private readonly SemaphoreSlim gate = new(1, 1);
    private int disposed;

    public PcscCardConnection(PcscCard card)
        : this(card, ownedContext: null)
    {
    }

    private PcscCardConnection(PcscCard card, PcscContext? ownedContext)
    {
        ArgumentNullException.ThrowIfNull(card);
        this.card = card;
        this.ownedContext = ownedContext;
    }

    public string ReaderName => card.ReaderName;

    /// <summary>The underlying card handle, for control codes and status.</summary>
    public PcscCard Card => card;

    /// <summary>Opens a context of its own and connects to the card in <paramref name="readerName"/>.</summary>
    public static PcscCardConnection Open(string readerName, PcscShareMode shareMode = PcscShareMode.Shared) =>
        Open(PcscContext.Establish(), readerName, shareMode);

    internal static PcscCardConnection Open(PcscContext context, string readerName, PcscShareMode shareMode)
    {
        try
        {
            return new PcscCardConnection(context.Connect(readerName, shareMode), context);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    /// <exception cref="PcscCardResetException">Another application reset the card; the connection was re-established and the session must be redone.</exception>
    public ValueTask<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
    {
        var copy = command.ToArray();
        return RunAsync(() => TransmitBlocking(copy), cancellationToken);
    }

    /// <summary>Reads the card UID with the PC/SC Part 3 pseudo-APDU FF CA 00 00 00.</summary>
    public async ValueTask<byte[]> ReadUidAsync(CancellationToken cancellationToken = default)
    {
        var response = await TransmitAsync(GetUidCommand, cancellationToken);
        if (response.Length < 2 || response[^2] != 0x90 || response[^1] != 0x00)
        {
            var sw = response.Length >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{response[^2]:X2}{response[^1]:X2}") : "none";
            throw new CardTransportException($"The reader did not return the card UID (status word {sw}).");
        }

        return response[..^2];
    }

    /// <summary>Holds SCardBeginTransaction until the returned object is disposed (SCardEndTransaction, leave card).</summary>
    public async ValueTask<IAsyncDisposable> BeginTransactionAsync(CancellationToken cancellationToken = default)
    {
        await RunAsync(() => { card.BeginTransaction(); return true; }, cancellationToken);
        return new PcscTransaction(this);
    }

    /// <summary>Runs a multi-APDU operation inside one PC/SC transaction.</summary>
    public async ValueTask<T> RunInTransactionAsync<T>(Func<PcscCardConnection, CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var transaction = await BeginTransactionAsync(cancellationToken);
        await using (transaction)
        {
            return await operation(this, cancellationToken);
        }
    }

    internal ValueTask EndTransactionAsync() =>
        new(RunAsync(() => { card.EndTransaction(PcscDisposition.Leave); return true; }, CancellationToken.None).AsTask());

    private byte[] TransmitBlocking(byte[] command)
    {
        try
        {
            return card.Transmit(command);
        }
        catch (PcscCardResetException reset)
        {
            // Reconnect once so the next session can start; this one's card state is lost.
            try
            {
                card.Reconnect(PcscDisposition.Leave);
            }
            catch (PcscException reconnectFailure)
            {
                throw new PcscCardResetException($"The card in '{card.ReaderName}' was reset by another application and could not be reconnected.", reconnectFailure);
            }

            throw new PcscCardResetException($"The card in '{card.ReaderName}' was reset by another application; the connection was re-established, redo the card session.", reset);
        }
        catch (CardRemovedException removed)
        {
            throw new CardRemovedException($"The card was removed from '{card.ReaderName}' during the exchange; tap the card again.", removed.InnerException ?? removed);
        }
    }

    private async ValueTask<T> RunAsync<T>(Func<T> blocking, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        await gate.WaitAsync(cancellationToken);
        Task<T> work;
        try
        {
            work = Task.Run(blocking, CancellationToken.None);
        }
        catch
        {
            gate.Release();
            throw;
        }

        // The native call cannot be interrupted; the gate stays held until it really ends.
        _ = work.ContinueWith(static (_, g) => ((SemaphoreSlim)g!).Release(), gate, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return await work.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        card.Dispose();
        ownedContext?.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
