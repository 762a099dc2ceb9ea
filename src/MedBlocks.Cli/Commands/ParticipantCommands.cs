using System.CommandLine;
using MedBlocks.Cli.Hosting;
using MedBlocks.Core.Legacy;
using MedBlocks.Core.Participants;

namespace MedBlocks.Cli.Commands;

/// <summary><c>participant create</c> and <c>participant import-legacy</c>: key files, never keys in clear.</summary>
internal static class ParticipantCommands
{
    public static Command Build(CliApplication app)
    {
        var participant = new Command("participant", "Create or import a participant's keys (written encrypted with a passphrase).");
        participant.Subcommands.Add(BuildCreate(app));
        participant.Subcommands.Add(BuildImportLegacy(app));
        return participant;
    }

    private static Command BuildCreate(CliApplication app)
    {
        var role = new Option<string>("--role")
        {
            Description = "patient, practitioner, lab, app, emergency or site.",
            Required = true,
        };
        role.AcceptOnlyFromAmong("patient", "practitioner", "lab", "app", "emergency", "site");
        var label = new Option<string?>("--label") { Description = "Public label for an organisation (never a person's name)." };
        var rsaBits = new Option<int>("--rsa-bits") { Description = "RSA key size: 2048, 3072 or 4096.", DefaultValueFactory = _ => Participant.DefaultRsaKeySize };
        rsaBits.AcceptOnlyFromAmong("2048", "3072", "4096");
        var output = new Option<string?>("--out") { Description = "Where to write the key file (default: the --key path)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing key file." };

        var command = new Command("create", "Create a participant: an Ed25519 signing key (its address) and an RSA encryption key.")
        {
            role, label, rsaBits, output, force,
        };
        app.SetAction(command, async (parse, session, _) =>
        {
            var path = Path.GetFullPath(parse.GetValue(output) ?? session.KeyFilePath);
            CliSession.RequireKeyFileWritable(path, parse.GetValue(force));

            using var created = Participant.Create(ParticipantRoles.Parse(parse.GetValue(role)!), parse.GetValue(rsaBits), parse.GetValue(label));
            var passphrase = session.Passphrases.ForNewKeyFile();
            CliSession.WriteKeyFile(path, ParticipantKeyFile.Seal(created, passphrase, session.KeyFileKdf), parse.GetValue(force));
            return await ReportAsync(app, parse, session, created, path, "Created");
        });
        return command;
    }

    private static Command BuildImportLegacy(CliApplication app)
    {
        var file = new Argument<string>("USER_JSON") { Description = "The 2018 MedBlocks user.json (clear-text keys)." };
        var role = new Option<string>("--role") { Description = "The participant's role.", DefaultValueFactory = _ => "patient" };
        role.AcceptOnlyFromAmong("patient", "practitioner", "lab", "app", "emergency", "site");
        var output = new Option<string?>("--out") { Description = "Where to write the key file (default: the --key path)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing key file." };
        var command = new Command(
            "import-legacy",
            "Import a 2018 user.json as a legacy participant (reads old records, never writes); the keys are re-saved encrypted.")
        {
            file, role, output, force,
        };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            var source = parse.GetValue(file)!;
            var json = await File.ReadAllTextAsync(source, cancellationToken);
            using var legacy = LegacyUserFile.Import(json, ParticipantRoles.Parse(parse.GetValue(role)!));
            var path = Path.GetFullPath(parse.GetValue(output) ?? session.KeyFilePath);
            CliSession.RequireKeyFileWritable(path, parse.GetValue(force));

            var passphrase = session.Passphrases.ForNewKeyFile();
            CliSession.WriteKeyFile(path, ParticipantKeyFile.Seal(legacy.Participant, passphrase, session.KeyFileKdf), parse.GetValue(force));
            if (!parse.GetValue(app.Options.Json))
            {
                await session.Console.Error.WriteLineAsync(
                    $"The name and phone in {Path.GetFileName(source)} were not copied. Delete {source}: it holds private keys in clear.");
            }

            return await ReportAsync(app, parse, session, legacy.Participant, path, "Imported legacy");
        });
        return command;
    }

    private static async Task<int> ReportAsync(CliApplication app, ParseResult parse, CliSession session, Participant participant, string path, string verb)
    {
        if (parse.GetValue(app.Options.Json))
        {
            await CliJson.WriteAsync(session.Console, new
            {
                address = participant.Address,
                role = participant.Role.ToName(),
                label = participant.Label,
                rsaBits = participant.EncryptionKeySize,
                legacy = participant.IsLegacy,
                keyFile = path,
            });
        }
        else
        {
            await session.Console.Out.WriteLineAsync($"{verb} {participant.Role.ToName()} {participant.Address}");
            await session.Console.Out.WriteLineAsync($"Key file: {path}");
            if (!participant.IsLegacy)
            {
                await session.Console.Out.WriteLineAsync("Next: 'medblocks register' declares it on the ledger.");
            }
        }

        return ExitCodes.Success;
    }
}
