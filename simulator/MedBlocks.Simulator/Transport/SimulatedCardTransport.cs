using MedBlocks.Simulator.Card;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Simulator.Transport;

/// <summary>
/// Carries APDUs to a simulated card in process, counting commands and bytes. The card is powered
/// when the transport is made; once it loses power every transmit fails with
/// <see cref="CardRemovedException"/> until <see cref="Reconnect"/> (a new tap).
/// </summary>
public sealed class SimulatedCardTransport : ICardTransport
{
    private long _commandsSent;
    private long _bytesSent;
    private long _bytesReceived;

    public SimulatedCardTransport(IContactlessCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Card = card;
        if (!card.IsPowered)
        {
            card.PowerOn();
        }
    }

    public IContactlessCard Card { get; }

    /// <summary>Command APDUs handed to the card, including one that met a dead card.</summary>
    public long CommandsSent => Interlocked.Read(ref _commandsSent);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _commandsSent, 0);
        Interlocked.Exchange(ref _bytesSent, 0);
        Interlocked.Exchange(ref _bytesReceived, 0);
    }

    /// <summary>Puts the card back in the field (power on, volatile state fresh).</summary>
    public void Reconnect() => Card.PowerOn();

    public ValueTask<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!Card.IsPowered)
        {
            throw new CardRemovedException("The simulated card is not in the field.");
        }

        Interlocked.Increment(ref _commandsSent);
        Interlocked.Add(ref _bytesSent, command.Length);
        byte[] response;
        try
        {
            response = Card.Process(command.Span);
        }
        catch (CardPowerLostException e)
        {
            throw new CardRemovedException("The simulated card lost power.", e);
        }

        Interlocked.Add(ref _bytesReceived, response.Length);
        return ValueTask.FromResult(response);
    }
}
