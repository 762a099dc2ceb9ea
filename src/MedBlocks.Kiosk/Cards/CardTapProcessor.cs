using System.Threading.Channels;
using MedBlocks.Kiosk.Emergency;
using MedBlocks.Pcsc.Hosting;
using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Profile;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.Kiosk.Cards;

/// <summary>
/// Reads every card event from the card worker's channel and reads a tapped patient card for the
/// station's role: check-in (card info and identity with K2, a masked greeting) or emergency (the
/// signed emergency summary with K3, through <see cref="EmergencyTapReader"/> and only for signed-in staff); a card that cannot be used becomes a problem screen. Check-in
/// refuses revoked cards when an <see cref="ICardRevocationCheck"/> (the ledger) is registered.
/// </summary>
public sealed partial class CardTapProcessor(
    ChannelReader<CardEvent> events,
    CardInReader cards,
    IKeyProvider keys,
    StationIdentity station,
    PinAttemptLimiter pinLimiter,
    ScreenEventHub hub,
    TimeProvider time,
    ILogger<CardTapProcessor> logger,
    ICardRevocationCheck? revocations = null,
    EmergencyTapReader? emergencyTaps = null) : BackgroundService
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var cardEvent in events.ReadAllAsync(stoppingToken))
            {
                ScreenEvent? outcome = cardEvent switch
                {
                    CardPresent present => await ArrivedAsync(present, stoppingToken),
                    CardRemoved removed => Left(removed),
                    ReaderAttached attached => new ReaderStatusChanged(true, attached.Timestamp),
                    ReaderDetached detached => new ReaderStatusChanged(false, detached.Timestamp),
                    _ => null,
                };
                if (outcome is not null)
                {
                    await hub.PublishAsync(outcome);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private Task<ScreenEvent> ArrivedAsync(CardPresent present, CancellationToken stoppingToken)
    {
        cards.Arrived(present.ReaderName);
        // An enrolment station reads nothing on a tap (a blank card has nothing to read): its screens work on the card.
        return station.Role == StationRole.Enrolment
            ? Task.FromResult<ScreenEvent>(new MedBlocks.Kiosk.Enrolment.CardArrivedForEnrolment(present.ReaderName, present.Timestamp))
            : ReadAsync(present, stoppingToken);
    }

    private CardLeft Left(CardRemoved removed)
    {
        cards.Left(removed.ReaderName);
        return new CardLeft(removed.Timestamp);
    }

    private async Task<ScreenEvent> ReadAsync(CardPresent present, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(ReadTimeout);
        try
        {
            return await cards.UseAsync(present.ReaderName, (transport, ct) => ReadCardAsync(transport, present, ct), timeout.Token);
        }
        catch (CardRemovedException)
        {
            Log.CardPulled(logger, present.ReaderName);
            return new CardProblem(CardProblemKind.CardPulled, present.Timestamp);
        }
        catch (PatientCardException e)
        {
            Log.CardRefused(logger, present.ReaderName, e.Error);
            return new CardProblem(KindOf(e.Error), present.Timestamp);
        }
        catch (Exception e) when (e is MedBlocks.Core.Ledger.LedgerException or System.Data.Common.DbException or HttpRequestException)
        {
            // The revoked-card check could not ask the ledger: no card is accepted unchecked.
            Log.LedgerFailed(logger, present.ReaderName, e.GetType().Name);
            return new CardProblem(CardProblemKind.LedgerUnreachable, present.Timestamp);
        }
        catch (DesfireProtocolException e)
        {
            // A garbled or cut exchange: in the field this is a card moving out of range.
            Log.CardFailed(logger, present.ReaderName, e.GetType().Name);
            return new CardProblem(CardProblemKind.CardPulled, present.Timestamp);
        }
        catch (CardTransportException e)
        {
            Log.CardFailed(logger, present.ReaderName, e.GetType().Name);
            return new CardProblem(CardProblemKind.Unreadable, present.Timestamp);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !stoppingToken.IsCancellationRequested)
        {
            Log.CardFailed(logger, present.ReaderName, "timed out");
            return new CardProblem(CardProblemKind.CardPulled, present.Timestamp);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever else a card or reader does, the station stays up and says so plainly.
            Log.CardFailed(logger, present.ReaderName, e.GetType().Name);
            return new CardProblem(e is DesfireException ? CardProblemKind.ForeignCard : CardProblemKind.Unreadable, present.Timestamp);
        }
    }

    private async Task<ScreenEvent> ReadCardAsync(ICardTransport transport, CardPresent present, CancellationToken cancellationToken)
    {
        if (station.Role == StationRole.Emergency)
        {
            // Without the station's sign-in gate nothing is read for the screen.
            var shown = emergencyTaps is null
                ? new EmergencySignInRequired(present.Timestamp)
                : await emergencyTaps.ReadAsync(transport, present.Timestamp, cancellationToken);
            if (shown is EmergencySummaryRead summary)
            {
                Log.EmergencyRead(logger, present.ReaderName, summary.CardSerial[^4..]);
            }

            return shown;
        }

        using var reader = new PatientCardReader(transport, keys, station, pinLimiter, time, revocations);
        var read = await reader.ReadForCheckInAsync(cancellationToken);
        Log.CardRead(logger, present.ReaderName, read.Info.SerialText[^4..]);
        var identity = read.Identity;
        return new PatientGreeted(NameMask.Mask(identity.Name), identity.BirthDate.Year, identity.Address, read.Info.SerialText, present.Timestamp);
    }

    internal static CardProblemKind KindOf(PatientCardError error) => error switch
    {
        PatientCardError.Revoked => CardProblemKind.Revoked,
        PatientCardError.BadSignature => CardProblemKind.BadSignature,
        PatientCardError.NotDesfire or PatientCardError.UnsupportedCard or PatientCardError.NoMedBlocksApplication
            or PatientCardError.ForeignNetwork or PatientCardError.NotIssued or PatientCardError.UnknownProfileVersion => CardProblemKind.ForeignCard,
        _ => CardProblemKind.Unreadable,
    };

    private static partial class Log
    {
        [LoggerMessage(100, LogLevel.Information, "Patient card read in {Reader}, serial ending {SerialTail}")]
        public static partial void CardRead(ILogger logger, string reader, string serialTail);

        [LoggerMessage(104, LogLevel.Information, "Emergency summary read in {Reader}, serial ending {SerialTail}")]
        public static partial void EmergencyRead(ILogger logger, string reader, string serialTail);

        [LoggerMessage(101, LogLevel.Warning, "Card left {Reader} during the read")]
        public static partial void CardPulled(ILogger logger, string reader);

        [LoggerMessage(102, LogLevel.Warning, "Card in {Reader} refused: {Error}")]
        public static partial void CardRefused(ILogger logger, string reader, PatientCardError error);

        [LoggerMessage(105, LogLevel.Error, "Card in {Reader} not checked: the ledger could not be asked ({Reason})")]
        public static partial void LedgerFailed(ILogger logger, string reader, string reason);

        [LoggerMessage(103, LogLevel.Warning, "Card in {Reader} could not be read: {Reason}")]
        public static partial void CardFailed(ILogger logger, string reader, string reason);
    }
}
