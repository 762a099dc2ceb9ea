using MedBlocks.SmartCards.Transport;

namespace MedBlocks.SmartCards.Tests.TestSupport;

/// <summary>A card that answers with a fixed script and records every APDU it receives.</summary>
internal sealed class ScriptedCardTransport : ICardTransport
{
    private readonly Queue<byte[]> _replies = new();

    public List<byte[]> Sent { get; } = [];

    public int Remaining => _replies.Count;

    public ScriptedCardTransport Reply(string hex) => Reply(Hex.Parse(hex));

    public ScriptedCardTransport Reply(params byte[][] parts)
    {
        _replies.Enqueue(parts.SelectMany(p => p).ToArray());
        return this;
    }

    public ValueTask<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Sent.Add(command.ToArray());
        if (_replies.Count == 0)
        {
            throw new InvalidOperationException("Unscripted command " + Hex.Of(command.Span));
        }

        return ValueTask.FromResult(_replies.Dequeue());
    }
}
