namespace MedBlocks.Pcsc;

/// <summary>An open SCardBeginTransaction; disposing ends it once and never throws for a card that is already gone.</summary>
internal sealed class PcscTransaction : IAsyncDisposable
{
    private PcscCardConnection? connection;

    public PcscTransaction(PcscCardConnection connection) => this.connection = connection;

    public async ValueTask DisposeAsync()
    {
        var owner = Interlocked.Exchange(ref connection, null);
        if (owner is null)
        {
            return;
        }

        try
        {
            await owner.EndTransactionAsync();
        }
        catch (MedBlocks.SmartCards.Transport.CardTransportException)
        {
            // A removed card or a stopped service has already dropped the lock; the operation's own error is the one that matters.
        }
    }
}
