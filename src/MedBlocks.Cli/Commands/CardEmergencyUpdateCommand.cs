using System.CommandLine;
using MedBlocks.Cli.Hosting;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Cli.Commands;

/// <summary>
/// <c>card emergency update --summary FILE --key AUTHOR.key.json</c>: an enrolment station (write and emergency keys)
/// replaces the signed emergency summary on an issued card.
/// </summary>
internal static class CardEmergencyUpdateCommand
{
    public static Command Build(CliApplication app, CardCommandContext context)
    {
        var summary = new Option<string>("--summary") { Description = "Emergency summary JSON (format 2) whose author is the participant of --key; signed with it.", Required = true };
        var command = new Command(
            "update",
            "Write a new signed emergency summary onto an issued card (write key; read back with the emergency key). The card keeps the old summary unless the new one is complete.")
        {
            summary,
        };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            var signedSummary = await EmergencySummaryFile.SignAsync(parse.GetValue(summary)!, session, cancellationToken);
            using var keys = context.OpenKeys(parse, session);
            CardEmergencyUpdateResult result;
            await using (var target = context.OpenCard(parse))
            {
                var updater = new CardEmergencyUpdater(keys, context.StationFor(parse, StationRole.Enrolment), session.TimeProvider);
                result = await updater.UpdateAsync(target.Transport, signedSummary, cancellationToken);
            }

            var room = result.FileSize - PatientCardProfile.LengthPrefixSize;
            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, new { serial = result.Info.SerialText, compressed = result.CompressedLength, room });
                return ExitCodes.Success;
            }

            await session.Console.Out.WriteLineAsync(
                $"Emergency summary updated on card {result.Info.SerialText}: {result.CompressedLength} of {room} bytes used, signature checked, read back.");
            return ExitCodes.Success;
        });
        return command;
    }
}
