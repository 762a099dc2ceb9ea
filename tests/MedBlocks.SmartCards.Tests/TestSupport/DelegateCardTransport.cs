using MedBlocks.SmartCards.Transport;

namespace MedBlocks.SmartCards.Tests.TestSupport;

/// <summary>A card whose answers are computed per command.</summary>
internal sealed class DelegateCardTransport(Func<byte[], CancellationToken, byte[]> respond) : ICardTransport
{
    public int Count { get; private set; }

    public ValueTask<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
    {
        Count++;
        return ValueTask.FromResult(respond(command.ToArray(), cancellationToken));
    }
}
