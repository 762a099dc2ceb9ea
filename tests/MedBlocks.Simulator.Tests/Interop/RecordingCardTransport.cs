using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Simulator.Tests.Interop;

/// <summary>Passes APDUs through and keeps each command and response length.</summary>
internal sealed class RecordingCardTransport(ICardTransport inner) : ICardTransport
{
    public List<(int Command, int Response)> Exchanges { get; } = [];

    public async ValueTask<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default)
    {
        var response = await inner.TransmitAsync(command, cancellationToken);
        Exchanges.Add((command.Length, response.Length));
        return response;
    }
}
