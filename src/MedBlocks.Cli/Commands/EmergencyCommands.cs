using System.CommandLine;
using MedBlocks.Cli.Hosting;
using MedBlocks.Core.Participants;

namespace MedBlocks.Cli.Commands;

/// <summary><c>emergency pin|unpin|list</c>: the emergency services' addresses this station trusts.</summary>
internal static class EmergencyCommands
{
    public static Command Build(CliApplication app)
    {
        var emergency = new Command("emergency", "Pin the emergency services' addresses that emergency-tagged records are wrapped for.");
        emergency.Subcommands.Add(BuildPin(app));
        emergency.Subcommands.Add(BuildUnpin(app));
        emergency.Subcommands.Add(BuildList(app));
        return emergency;
    }

    private static Command BuildPin(CliApplication app)
    {
        var address = new Argument<string>("ADDRESS") { Description = "The emergency service's address (declared on the ledger with role emergency)." };
        var command = new Command("pin", "Trust an emergency service's key for new emergency-tagged records.") { address };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            var value = parse.GetValue(address)!;
            if (!Ed25519Address.IsValid(value))
            {
                throw new CliException($"{value} is not a MedBlocks address.", ExitCodes.Usage);
            }

            var declared = await session.Ledger.GetParticipantAsync(value, cancellationToken)
                ?? throw new CliException($"{value} is not declared on the ledger; the emergency service must register first.", ExitCodes.NotFound);
            if (declared.Role != ParticipantRole.Emergency)
            {
                throw new CliException($"{value} is declared as {declared.Role.ToName()}, not as an emergency service.", ExitCodes.Denied);
            }

            var settings = session.LoadSettings();
            if (!settings.EmergencyKeys.Contains(value, StringComparer.Ordinal))
            {
                settings.EmergencyKeys.Add(value);
                session.Workspace.EnsureCreated();
                settings.Save(session.Workspace.SettingsPath);
            }

            await session.Console.Out.WriteLineAsync($"Pinned emergency service {value} (RSA key SHA-256 {declared.EncryptionKeyFingerprint}).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command BuildUnpin(CliApplication app)
    {
        var address = new Argument<string>("ADDRESS") { Description = "The address to stop wrapping new emergency records for." };
        var command = new Command("unpin", "Stop wrapping new emergency records for an address (existing MedBlocks keep their keys).") { address };
        app.SetAction(command, async (parse, session, _) =>
        {
            var value = parse.GetValue(address)!;
            var settings = session.LoadSettings();
            if (settings.EmergencyKeys.Remove(value))
            {
                settings.Save(session.Workspace.SettingsPath);
                await session.Console.Out.WriteLineAsync($"Unpinned {value}.");
                return ExitCodes.Success;
            }

            throw new CliException($"{value} is not pinned.", ExitCodes.NotFound);
        });
        return command;
    }

    private static Command BuildList(CliApplication app)
    {
        var command = new Command("list", "List the pinned emergency services.");
        app.SetAction(command, async (parse, session, _) =>
        {
            var settings = session.LoadSettings();
            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, new { emergencyKeys = settings.EmergencyKeys });
            }
            else if (settings.EmergencyKeys.Count == 0)
            {
                await session.Console.Out.WriteLineAsync("No emergency service is pinned.");
            }
            else
            {
                foreach (var address in settings.EmergencyKeys)
                {
                    await session.Console.Out.WriteLineAsync(address);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
