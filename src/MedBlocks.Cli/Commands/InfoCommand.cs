using System.CommandLine;
using MedBlocks.Cli.Hosting;
using MedBlocks.Core.Participants;

namespace MedBlocks.Cli.Commands;

/// <summary><c>info</c>: who this key file is and what the ledger knows of it. Prints no secret.</summary>
internal static class InfoCommand
{
    public static Command Build(CliApplication app)
    {
        var command = new Command("info", "Show your address, role, key fingerprint and registration state.");
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            using var participant = session.OpenParticipant();
            var declared = await session.Ledger.GetParticipantAsync(participant.Address, cancellationToken);
            var head = await session.Ledger.GetHeadAsync(cancellationToken);
            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, new
                {
                    address = participant.Address,
                    role = participant.Role.ToName(),
                    label = participant.Label,
                    rsaBits = participant.EncryptionKeySize,
                    encryptionKeyFingerprint = participant.EncryptionKeyFingerprint,
                    legacy = participant.IsLegacy,
                    registered = declared is not null,
                    registeredAt = declared?.Position,
                    ledgerEntries = head.Position,
                    keyFile = session.KeyFilePath,
                    home = session.Workspace.Home,
                });
                return ExitCodes.Success;
            }

            var output = session.Console.Out;
            await output.WriteLineAsync($"Address:      {participant.Address}");
            await output.WriteLineAsync($"Role:         {participant.Role.ToName()}{(participant.Label is null ? string.Empty : $" ({participant.Label})")}");
            await output.WriteLineAsync($"RSA key:      {participant.EncryptionKeySize} bits, SHA-256 {participant.EncryptionKeyFingerprint}");
            if (participant.IsLegacy)
            {
                await output.WriteLineAsync("Legacy:       yes (imported 2018 keys: reads old records, writes nothing)");
            }

            await output.WriteLineAsync(declared is null
                ? "Registered:   no ('medblocks register' declares it)"
                : $"Registered:   yes, entry {declared.Position} on {declared.DeclaredAt:yyyy-MM-dd}");
            await output.WriteLineAsync($"Ledger:       {head.Position} entries in {session.Workspace.LedgerPath}");
            await output.WriteLineAsync($"Key file:     {session.KeyFilePath}");
            return ExitCodes.Success;
        });
        return command;
    }
}
