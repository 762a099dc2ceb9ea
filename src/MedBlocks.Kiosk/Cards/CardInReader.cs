using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Kiosk.Cards;

/// <summary>
/// The card now in the station's reader, for operations a person starts on screen after the tap
/// (PIN entry, sign-in, personalisation). Every operation on a card, including the tap read, goes
/// through here one at a time, on a fresh connection to the reader the card arrived in.
/// </summary>
public sealed class CardInReader(ICardTransportSource cards) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _readerName;

    /// <summary>The reader holding the card, or null when no card is present.</summary>
    public string? ReaderName => Volatile.Read(ref _readerName);

    public bool IsPresent => ReaderName is not null;

    /// <summary>Runs <paramref name="operation"/> on the card now in the reader.</summary>
    /// <exception cref="CardRemovedException">No card is in the reader (or it left during the operation).</exception>
    public Task<T> UseAsync<T>(Func<ICardTransport, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        var reader = ReaderName ?? throw new CardRemovedException("No card is in the reader.");
        return UseAsync(reader, operation, cancellationToken);
    }

    /// <summary>Runs <paramref name="operation"/> on the card in <paramref name="readerName"/>.</summary>
    /// <exception cref="CardRemovedException">No card is in that reader.</exception>
    public async Task<T> UseAsync<T>(string readerName, Func<ICardTransport, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readerName);
        ArgumentNullException.ThrowIfNull(operation);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var open = await cards.OpenAsync(readerName, cancellationToken);
            return await operation(open.Transport, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    internal void Arrived(string readerName) => Volatile.Write(ref _readerName, readerName);

    internal void Left(string readerName) => Interlocked.CompareExchange(ref _readerName, null, readerName);

    public void Dispose() => _gate.Dispose();
}
