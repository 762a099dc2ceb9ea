using MedBlocks.Pcsc;

namespace MedBlocks.Kiosk.Cards;

/// <summary>Cards in PC/SC readers (real readers or the vpcd virtual reader).</summary>
public sealed class PcscCardTransportSource : ICardTransportSource
{
    public async ValueTask<OpenCard> OpenAsync(string readerName, CancellationToken cancellationToken)
    {
        var connection = await Task.Run(() => PcscCardConnection.Open(readerName, PcscShareMode.Shared), cancellationToken);
        return new OpenCard(connection, connection);
    }
}
