namespace MedBlocks.Pcsc.Hosting;

/// <summary>Where <see cref="CardWorker"/> delivers its events.</summary>
public interface ICardEventSink
{
    ValueTask PublishAsync(CardEvent cardEvent, CancellationToken cancellationToken);
}
