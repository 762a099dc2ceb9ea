namespace MedBlocks.SmartCards.Transport;

/// <summary>
/// The one seam between card protocols and whatever carries their bytes (a PC/SC reader, the
/// in-process simulator). Implementations send one command APDU and return the whole response
/// APDU including its status word.
/// </summary>
public interface ICardTransport
{
    /// <summary>Sends one command APDU and returns the response APDU (data followed by SW1 SW2).</summary>
    /// <exception cref="CardRemovedException">The card left the field.</exception>
    /// <exception cref="CardTransportException">The transport failed for another reason.</exception>
    ValueTask<byte[]> TransmitAsync(ReadOnlyMemory<byte> command, CancellationToken cancellationToken = default);
}
