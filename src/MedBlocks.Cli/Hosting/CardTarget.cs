using MedBlocks.Pcsc;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Cli.Hosting;

/// <summary>
/// The card a <c>card</c> command works on: a simulator card image file (<c>--image</c>, saved back after
/// the command whatever happened, as a real card keeps what it was given) or a PC/SC reader by name
/// (<c>--reader</c>).
/// </summary>
internal sealed class CardTarget : IAsyncDisposable
{
    private readonly string? imagePath;
    private readonly SimulatedDesfireCard? simulated;
    private readonly PcscCardConnection? connection;

    private CardTarget(ICardTransport transport, string? imagePath, SimulatedDesfireCard? simulated, PcscCardConnection? connection)
    {
        Transport = transport;
        this.imagePath = imagePath;
        this.simulated = simulated;
        this.connection = connection;
    }

    public ICardTransport Transport { get; }

    /// <summary>True when the image file did not exist and a blank 4 KB card was made for it.</summary>
    public bool CreatedBlank { get; private init; }

    /// <param name="image">A card image path; a blank card is made when the file is absent and <paramref name="allowNew"/>.</param>
    /// <param name="reader">A PC/SC reader name.</param>
    /// <param name="allowNew">Whether a missing image file means a new blank card (personalisation) or an error.</param>
    public static CardTarget Open(string? image, string? reader, bool allowNew)
    {
        if (string.IsNullOrEmpty(image) == string.IsNullOrEmpty(reader))
        {
            throw new CliException("Name the card with exactly one of --image FILE (a simulator card image) or --reader NAME (a PC/SC reader).", ExitCodes.Usage);
        }

        if (!string.IsNullOrEmpty(reader))
        {
            var pcsc = PcscCardConnection.Open(reader);
            return new CardTarget(pcsc, null, null, pcsc);
        }

        var path = Path.GetFullPath(image!);
        var exists = File.Exists(path);
        if (!exists && !allowNew)
        {
            throw new CliException($"The card image {path} does not exist.", ExitCodes.NotFound);
        }

        DesfireCardState state;
        try
        {
            state = exists ? CardImage.Load(path) : CardImage.NewBlank(DesfireStorageSize.FourKilobytes);
        }
        catch (CardImageFormatException e)
        {
            throw new CliException($"{path} is not a MedBlocks simulator card image: {e.Message}", ExitCodes.Integrity);
        }

        var card = new SimulatedDesfireCard(state);
        return new CardTarget(new SimulatedCardTransport(card), path, card, null) { CreatedBlank = !exists };
    }

    public async ValueTask DisposeAsync()
    {
        if (simulated is not null)
        {
            CardImage.Save(simulated.State, imagePath!);
        }

        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
