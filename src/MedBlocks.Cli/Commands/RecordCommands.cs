using System.CommandLine;
using MedBlocks.Cli.Hosting;
using MedBlocks.Core.Ledger;

namespace MedBlocks.Cli.Commands;

/// <summary>The record workflow: <c>add</c>, <c>list</c>, <c>permit</c>, <c>get</c>, <c>refuse</c>.</summary>
internal static class RecordCommands
{
    public static IEnumerable<Command> Build(CliApplication app) =>
    [
        BuildAdd(app),
        BuildList(app),
        BuildPermit(app),
        BuildGet(app),
        BuildRefuse(app),
    ];

    private static Command BuildAdd(CliApplication app)
    {
        var file = new Argument<string>("FILE") { Description = "The record to encrypt and store." };
        var patient = new Option<string>("--patient") { Description = "The patient's address.", Required = true };
        var emergency = new Option<bool>("--emergency", "-e") { Description = "Also wrap the key for the pinned emergency services." };
        var type = new Option<string?>("--type") { Description = "Media type (default: from the file's extension)." };
        var command = new Command("add", "Encrypt a record for a patient, store it, and append its MedBlock to the ledger.")
        {
            file, patient, emergency, type,
        };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"File not found: {path}", ExitCodes.NotFound);
            }

            using var author = session.OpenParticipant();
            await using var plaintext = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            var view = await session.CreateMedBlockService().AddRecordAsync(
                author,
                parse.GetValue(patient)!,
                plaintext,
                parse.GetValue(type) ?? ContentTypes.ForFile(path),
                parse.GetValue(emergency),
                cancellationToken);

            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, MedBlockJson.From(view));
            }
            else
            {
                await session.Console.Out.WriteLineAsync($"Added MedBlock {view.Hash}");
                await session.Console.Out.WriteLineAsync($"Record {view.Cid} ({view.ContentType}), readable by {view.Keys.Count} participant(s){(view.Emergency ? ", emergency-tagged" : string.Empty)}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildList(CliApplication app)
    {
        var patient = new Option<string?>("--patient") { Description = "The patient whose MedBlocks to list (default: the key file's address)." };
        var command = new Command("list", "List a patient's MedBlocks: who wrote them, who can read them, whether refused. Shows no plaintext.")
        {
            patient,
        };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            var address = parse.GetValue(patient) ?? KeyFileAddress.Read(session.KeyFilePath);
            var medBlocks = await session.Ledger.GetPatientMedBlocksAsync(address, cancellationToken);
            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, new { patient = address, medBlocks = medBlocks.Select(MedBlockJson.From) });
                return ExitCodes.Success;
            }

            var output = session.Console.Out;
            if (medBlocks.Count == 0)
            {
                await output.WriteLineAsync($"No MedBlocks for {address}.");
                return ExitCodes.Success;
            }

            await output.WriteLineAsync($"{medBlocks.Count} MedBlock(s) for {address}:");
            foreach (var view in medBlocks)
            {
                var flags = new List<string>();
                if (view.Emergency)
                {
                    flags.Add("emergency");
                }

                if (view.Legacy)
                {
                    flags.Add("legacy");
                }

                if (view.Refused)
                {
                    flags.Add($"refused {view.RefusedAt:yyyy-MM-dd}");
                }

                await output.WriteLineAsync(
                    $"{view.Hash}  {view.Time:yyyy-MM-dd HH:mm}  {view.ContentType}  by {view.Author}  readers {view.Keys.Count}{(flags.Count > 0 ? "  [" + string.Join(", ", flags) + "]" : string.Empty)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildPermit(CliApplication app)
    {
        var medBlock = new Argument<string>("MEDBLOCK") { Description = "The MedBlock's hash (from 'list')." };
        var to = new Option<string>("--to") { Description = "The address to grant read access.", Required = true };
        var command = new Command("permit", "As the patient, let another participant read a record (appends a signed grant).")
        {
            medBlock, to,
        };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            using var patient = session.OpenParticipant();
            var grantee = parse.GetValue(to)!;
            var entry = await session.CreateMedBlockService().GrantAsync(patient, parse.GetValue(medBlock)!, grantee, cancellationToken);
            await ReportEntryAsync(app, parse, session, entry, $"Granted {grantee} access", $"{grantee} can already read it.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildRefuse(CliApplication app)
    {
        var medBlock = new Argument<string>("MEDBLOCK") { Description = "The MedBlock's hash (from 'list')." };
        var command = new Command("refuse", "As the patient, mark a record refused (approved: false). History is kept.")
        {
            medBlock,
        };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            using var patient = session.OpenParticipant();
            var entry = await session.CreateMedBlockService().RefuseAsync(patient, parse.GetValue(medBlock)!, cancellationToken);
            await ReportEntryAsync(app, parse, session, entry, "Refused", "It was already refused.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildGet(CliApplication app)
    {
        var medBlock = new Argument<string>("MEDBLOCK") { Description = "The MedBlock's hash (from 'list')." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the record here (default: standard output)." };
        var reason = new Option<string?>("--reason") { Description = "For emergency services: the reason recorded in the audit entry." };
        var command = new Command("get", "Decrypt a record you hold a key for; checks the author's signature and the content hash.")
        {
            medBlock, output, reason,
        };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            using var reader = session.OpenParticipant();
            var target = parse.GetValue(output);

            // Plaintext is kept aside until every check has passed, then moved into place.
            var staging = target is null ? Path.GetTempFileName() : Path.GetFullPath(target) + ".partial";
            try
            {
                var service = session.CreateMedBlockService();
                Core.Sharing.RecordReadResult result;
                await using (var stream = new FileStream(staging, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true))
                {
                    result = await service.ReadRecordAsync(reader, parse.GetValue(medBlock)!, stream, parse.GetValue(reason), cancellationToken);
                    if (target is null)
                    {
                        stream.Position = 0;
                        await using var stdout = session.Console.OpenBinaryOutput();
                        await session.Console.Out.FlushAsync(cancellationToken);
                        await stream.CopyToAsync(stdout, cancellationToken);
                    }
                }

                if (target is not null)
                {
                    File.Move(staging, Path.GetFullPath(target), overwrite: true);
                }

                await ReportReadAsync(session, result, target);
                return ExitCodes.Success;
            }
            finally
            {
                if (File.Exists(staging))
                {
                    File.Delete(staging);
                }
            }
        });
        return command;
    }

    private static async Task ReportReadAsync(CliSession session, Core.Sharing.RecordReadResult result, string? target)
    {
        // Status goes to standard error so that standard output carries only the record.
        var status = session.Console.Error;
        var view = result.MedBlock;
        if (result.EmergencyAccessEntry is { } audit)
        {
            await status.WriteLineAsync($"Emergency access recorded on the ledger (entry {audit.Position}).");
        }

        if (view.Refused)
        {
            await status.WriteLineAsync($"Note: the patient refused this record on {view.RefusedAt:yyyy-MM-dd}.");
        }

        if (view.Legacy)
        {
            await status.WriteLineAsync("Note: legacy 2018 record: no integrity protection and no author signature.");
        }

        if (target is not null)
        {
            await status.WriteLineAsync(
                $"Wrote {result.PlaintextLength} bytes to {target} ({view.ContentType}, by {view.Author}{(result.AuthorSignatureValid ? ", signature valid" : string.Empty)}).");
        }
    }

    private static async Task ReportEntryAsync(CliApplication app, ParseResult parse, CliSession session, LedgerEntry? entry, string done, string already)
    {
        if (parse.GetValue(app.Options.Json))
        {
            await CliJson.WriteAsync(session.Console, new { changed = entry is not null, entry = entry?.Hash, position = entry?.Position });
        }
        else
        {
            await session.Console.Out.WriteLineAsync(entry is null ? already : $"{done} (entry {entry.Position}, {entry.Hash}).");
        }
    }
}
