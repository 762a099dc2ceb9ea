using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Kiosk.Cards;

/// <summary>Opens a connection to the card now in a reader, for one operation.</summary>
public interface ICardTransportSource
{
    /// <exception cref="CardRemovedException">No card is in the reader any more.</exception>
    ValueTask<OpenCard> OpenAsync(string readerName, CancellationToken cancellationToken);
}
