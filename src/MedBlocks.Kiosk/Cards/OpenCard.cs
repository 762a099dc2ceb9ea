using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Kiosk.Cards;

/// <summary>A transport to one card plus what closes it.</summary>
public sealed class OpenCard(ICardTransport transport, IAsyncDisposable? owner) : IAsyncDisposable
{
    public ICardTransport Transport { get; } = transport;

    public ValueTask DisposeAsync() => owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
