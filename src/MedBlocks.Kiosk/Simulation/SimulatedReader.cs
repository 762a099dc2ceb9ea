using MedBlocks.Kiosk.Cards;
using MedBlocks.Pcsc.Hosting;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Kiosk.Simulation;

/// <summary>
/// One in-process contactless reader holding simulated DESFire cards saved as card images in the
/// data folder. A tap loads the image and announces the card exactly as the PC/SC card worker
/// would; a removal saves what the card committed (its access log) and announces the removal.
/// </summary>
public sealed class SimulatedReader(ICardEventSink sink, DemoCardCatalog catalog, TimeProvider time) : ICardTransportSource, IDisposable
{
    public const string ReaderName = "MedBlocks simulated reader";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SimulatedDesfireCard? _card;
    private DemoCard? _tapped;
    private DateTimeOffset? _tappedAt;

    /// <summary>The demo card now in the reader, if any.</summary>
    public DemoCard? Tapped => _tapped;

    /// <summary>The time of the card event that announced the card now in the reader (shown on the simulator panel for latency measurements).</summary>
    public DateTimeOffset? TappedAt => _tappedAt;

    public event Action? Changed;

    public async Task TapAsync(string cardId, CancellationToken cancellationToken)
    {
        var demo = catalog.Find(cardId) ?? throw new ArgumentException("No such demo card.", nameof(cardId));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RemoveLockedAsync(cancellationToken);
            var card = new SimulatedDesfireCard(CardImage.Load(demo.ImagePath));
            card.PowerOn();
            _card = card;
            _tapped = demo;
            _tappedAt = time.GetUtcNow();
            await sink.PublishAsync(new CardPresent(ReaderName, card.Atr.ToArray(), card.State.Uid.ToArray(), _tappedAt.Value), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        Changed?.Invoke();
    }

    public async Task RemoveAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RemoveLockedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        Changed?.Invoke();
    }

    /// <summary>
    /// After enrolment wrote the card in the reader: keeps it as <paramref name="id"/> with
    /// <paramref name="label"/>; when it was another card's slot (the demo's blank card), a fresh card from
    /// <paramref name="replacement"/> takes that slot back.
    /// </summary>
    public async Task KeepIssuedCardAsync(string id, string label, Func<DesfireCardState> replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_card is null || _tapped is null)
            {
                return;
            }

            var previous = _tapped;
            _tapped = catalog.Add(id, label, _card.State);
            if (previous.Id != id)
            {
                catalog.Add(previous.Id, previous.Label, replacement());
            }
        }
        finally
        {
            _gate.Release();
        }

        Changed?.Invoke();
    }

    public ValueTask<OpenCard> OpenAsync(string readerName, CancellationToken cancellationToken)
    {
        var card = _card;
        if (card is null || readerName != ReaderName || !card.IsPowered)
        {
            throw new CardRemovedException("No simulated card is in the reader.");
        }

        return ValueTask.FromResult(new OpenCard(new SimulatedCardTransport(card), null));
    }

    public void Dispose() => _gate.Dispose();

    private async Task RemoveLockedAsync(CancellationToken cancellationToken)
    {
        if (_card is null || _tapped is null)
        {
            return;
        }

        _card.PowerOff();
        catalog.Save(_tapped, _card.State);
        _card = null;
        _tapped = null;
        _tappedAt = null;
        await sink.PublishAsync(new CardRemoved(ReaderName, time.GetUtcNow()), cancellationToken);
    }
}
