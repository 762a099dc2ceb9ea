using System.CommandLine;
using System.Globalization;
using MedBlocks.Cli.Hosting;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Cli.Commands;

/// <summary><c>card read|emergency|log|format</c>: what a check-in kiosk, a paramedic station and enrolment do with a card.</summary>
internal static class CardReadCommands
{
    public static IEnumerable<Command> Build(CliApplication app, CardCommandContext context)
    {
        yield return BuildRead(app, context);
        yield return BuildEmergency(app, context);
        yield return BuildLog(app, context);
        yield return BuildFormat(app, context);
    }

    private static Command BuildRead(CliApplication app, CardCommandContext context)
    {
        var unlock = new Option<bool>("--unlock") { Description = "Also check the card PIN by opening the key material (MEDBLOCKS_CARD_PIN, else asked)." };
        var command = new Command("read", "Read the card as a check-in kiosk (read key): card info and identity; refuses cards revoked on the ledger.") { unlock };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            using var keys = context.OpenKeys(parse, session);
            await using var target = context.OpenCard(parse);
            using var reader = CheckInReader(context, parse, session, target, keys);
            var read = await reader.ReadForCheckInAsync(cancellationToken);
            var unlocked = false;
            if (parse.GetValue(unlock))
            {
                using var participant = await reader.UnlockKeyMaterialAsync(session.CardPins.ForUnlock(), cancellationToken);
                unlocked = participant.Address == read.Identity.Address;
            }

            var identity = read.Identity;
            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, new
                {
                    serial = identity.Serial,
                    role = identity.Role.ToName(),
                    address = identity.Address,
                    name = identity.Name,
                    birthDate = Date(identity.BirthDate),
                    sex = identity.Sex,
                    issued = Date(identity.Issued),
                    issuer = read.Info.IssuerId,
                    pinVerified = unlocked,
                });
                return ExitCodes.Success;
            }

            var output = session.Console.Out;
            await output.WriteLineAsync($"{identity.Role.ToName()} card {identity.Serial}, issued {Date(identity.Issued)} by issuer {read.Info.IssuerId}");
            await output.WriteLineAsync($"  name:       {identity.Name}");
            await output.WriteLineAsync($"  birth date: {Date(identity.BirthDate)}");
            await output.WriteLineAsync($"  sex:        {identity.Sex}");
            await output.WriteLineAsync($"  address:    {identity.Address}");
            if (unlocked)
            {
                await output.WriteLineAsync("  PIN:        correct, key material opens");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildEmergency(CliApplication app, CardCommandContext context)
    {
        var command = new Command("emergency", "Read the emergency summary as a paramedic station (emergency key) and check its author's signature; 'update' writes a new one.")
        {
            CardEmergencyUpdateCommand.Build(app, context),
        };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            using var keys = context.OpenKeys(parse, session);
            await using var target = context.OpenCard(parse);
            using var reader = new PatientCardReader(target.Transport, keys, context.StationFor(parse, StationRole.Emergency), new PinAttemptLimiter(session.TimeProvider), session.TimeProvider);
            var read = await reader.ReadForEmergencyAsync(cancellationToken);
            if (parse.GetValue(app.Options.Json))
            {
                await session.Console.Out.WriteLineAsync(
                    $$"""{"serial":"{{read.Info.SerialText}}","signatureValid":true,"summary":{{System.Text.Encoding.UTF8.GetString(read.Summary.ToJsonBytes())}}}""");
                return ExitCodes.Success;
            }

            foreach (var line in EmergencySummaryText.Lines(read.Summary))
            {
                await session.Console.Out.WriteLineAsync(line);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildLog(CliApplication app, CardCommandContext context)
    {
        var command = new Command("log", "List the card's access log (after a check-in read, which is logged too), oldest first.");
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            using var keys = context.OpenKeys(parse, session);
            await using var target = context.OpenCard(parse);
            using var reader = CheckInReader(context, parse, session, target, keys);
            await reader.ReadForCheckInAsync(cancellationToken);
            var log = await reader.ReadAccessLogAsync(cancellationToken);
            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, log.Select(r => new
                {
                    time = r.Time.ToString("O", CultureInfo.InvariantCulture),
                    station = r.StationId.ToString("X16", CultureInfo.InvariantCulture),
                    role = r.Role.ToString(),
                    action = r.Action.ToString(),
                }));
                return ExitCodes.Success;
            }

            foreach (var r in log)
            {
                await session.Console.Out.WriteLineAsync(
                    $"{r.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z  station {r.StationId:X16}  {r.Role,-9}  {r.Action}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildFormat(CliApplication app, CardCommandContext context)
    {
        var yes = new Option<bool>("--yes") { Description = "Confirm: everything on the card is erased." };
        var command = new Command("format", "Erase a card of this network (PICC master key) back to an empty card ready for personalisation.") { yes };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            if (!parse.GetValue(yes))
            {
                throw new CliException("Formatting erases the card's identity, keys and emergency summary; add --yes to confirm.", ExitCodes.Usage);
            }

            using var keys = context.OpenKeys(parse, session);
            await using var target = context.OpenCard(parse);
            await new CardPersonalizer(keys, session.TimeProvider).FormatAsync(target.Transport, cancellationToken);
            await session.Console.Out.WriteLineAsync("Card formatted: empty, under this network's PICC key, ready to personalise.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A check-in reader (read key) that refuses cards revoked on this station's ledger.</summary>
    private static PatientCardReader CheckInReader(CardCommandContext context, ParseResult parse, CliSession session, CardTarget target, IKeyProvider keys) =>
        new(target.Transport, keys, context.StationFor(parse, StationRole.CheckIn), CardCommandContext.PinLimiter(session), session.TimeProvider, new LedgerCardRevocationCheck(session.Ledger));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
