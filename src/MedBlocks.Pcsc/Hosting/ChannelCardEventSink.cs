using System.Threading.Channels;

namespace MedBlocks.Pcsc.Hosting;

/// <summary>The default sink: an unbounded channel whose reader is registered as <see cref="ChannelReader{T}"/> of <see cref="CardEvent"/>.</summary>
public sealed class ChannelCardEventSink : ICardEventSink
{
    private readonly Channel<CardEvent> channel = Channel.CreateUnbounded<CardEvent>(new UnboundedChannelOptions { SingleWriter = true });

    public ChannelReader<CardEvent> Reader => channel.Reader;

    public ValueTask PublishAsync(CardEvent cardEvent, CancellationToken cancellationToken) =>
        channel.Writer.WriteAsync(cardEvent, cancellationToken);
}
