using System.Net;
using MedBlocks.Simulator.Card;

namespace MedBlocks.Simulator.Vpcd;

/// <summary>
/// Puts an <see cref="IContactlessCard"/> into a vpcd reader slot: connecting inserts the card,
/// disconnecting removes it. vpcd speaks first; every APDU gets an answer, so SCardTransmit never hangs.
/// </summary>
public sealed class VpcdCardBridge : IAsyncDisposable
{
    /// <summary>Port of slot 0 ("Virtual PCD 00 00"); slot n listens on this + n.</summary>
    public const int DefaultBasePort = 35963;

    private static readonly byte[] CardError = [0x6F, 0x00];

    private readonly IContactlessCard card;
    private readonly IPEndPoint endpoint;
    private CancellationTokenSource? serving;
    private VpcdClient? client;
    private Task completion = Task.CompletedTask;

    public VpcdCardBridge(IContactlessCard card, int slot = 0, int basePort = DefaultBasePort)
        : this(card, new IPEndPoint(IPAddress.Loopback, basePort + slot))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
    }

    public VpcdCardBridge(IContactlessCard card, IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(endpoint);
        this.card = card;
        this.endpoint = endpoint;
    }

    public IPEndPoint Endpoint => endpoint;

    /// <summary>Ends when the card is removed, the reader closes the slot, or serving fails.</summary>
    public Task Completion => completion;

    public bool IsInserted => client is not null && !completion.IsCompleted;

    /// <summary>Connects to the slot (the reader sees a card arrive) and serves it in the background.</summary>
    public async Task InsertAsync(CancellationToken cancellationToken = default)
    {
        if (IsInserted)
        {
            throw new InvalidOperationException("The card is already in the reader.");
        }

        // A slot the reader closed earlier leaves its connection behind.
        Interlocked.Exchange(ref client, null)?.Dispose();
        client = await VpcdClient.ConnectAsync(endpoint, cancellationToken);
        serving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        completion = ServeAsync(client, serving.Token);
    }

    /// <summary>Serves vpcd on the calling task until cancelled or the reader disconnects.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await InsertAsync(cancellationToken);
        try
        {
            await completion;
        }
        finally
        {
            await RemoveAsync();
        }
    }

    /// <summary>Closes the connection: the reader sees the card leave the field.</summary>
    public async Task RemoveAsync()
    {
        var current = Interlocked.Exchange(ref client, null);
        if (current is null)
        {
            return;
        }

        serving?.Cancel();
        current.Dispose();
        try
        {
            await completion;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The serving loop ends with whatever closing the socket under it raised.
        }

        serving?.Dispose();
        serving = null;
        card.PowerOff();
    }

    private async Task ServeAsync(VpcdClient connection, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var frame = await connection.ReceiveAsync(cancellationToken);
            if (frame is null)
            {
                return;
            }

            var answer = Answer(frame);
            if (answer is not null)
            {
                await connection.SendAsync(answer, cancellationToken);
            }
        }
    }

    /// <summary>The reply to one vpcd frame; null for the controls that take none.</summary>
    internal byte[]? Answer(ReadOnlySpan<byte> frame)
    {
        if (frame.Length == 1)
        {
            switch ((VpcdControl)frame[0])
            {
                case VpcdControl.PowerOff:
                    card.PowerOff();
                    return null;
                case VpcdControl.PowerOn:
                    card.PowerOn();
                    return null;
                case VpcdControl.Reset:
                    card.Reset();
                    return null;
                case VpcdControl.GetAtr:
                    return card.Atr.ToArray();
                default:
                    return null;
            }
        }

        if (frame.Length == 0)
        {
            return null;
        }

        try
        {
            return card.Process(frame);
        }
#pragma warning disable CA1031 // vpcd waits forever for a reply: a failing card model still answers.
        catch (Exception)
#pragma warning restore CA1031
        {
            return CardError;
        }
    }

    public async ValueTask DisposeAsync() => await RemoveAsync();
}
