using System.CommandLine;
using MedBlocks.Cli.Hosting;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;

namespace MedBlocks.Cli.Commands;

/// <summary><c>register</c>: declares the participant's keys and role on the ledger, signed by its own key.</summary>
internal static class RegisterCommand
{
    public static Command Build(CliApplication app)
    {
        var command = new Command("register", "Declare your address, RSA key and role on the ledger (no name or phone).");
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            using var participant = session.OpenParticipant();
            if (participant.IsLegacy)
            {
                throw new CliException("A legacy participant cannot be declared: its RSA-1024 key is too weak for new records.", ExitCodes.Denied);
            }

            var existing = await session.Ledger.GetParticipantAsync(participant.Address, cancellationToken);
            LedgerEntry? entry = null;
            if (existing is null)
            {
                var declaration = new IdentityDeclaration(
                    participant.Address,
                    participant.Role,
                    Convert.ToBase64String(participant.EncryptionPublicKey.Span),
                    participant.Label);
                entry = await session.Ledger.AppendAsync(participant, declaration, cancellationToken);
            }
            else if (!string.Equals(existing.EncryptionKeyFingerprint, participant.EncryptionKeyFingerprint, StringComparison.Ordinal))
            {
                throw new CliException(
                    $"{participant.Address} is already declared with another RSA key; the first declaration stands.", ExitCodes.Denied);
            }

            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, new
                {
                    address = participant.Address,
                    role = participant.Role.ToName(),
                    alreadyRegistered = entry is null,
                    entry = entry?.Hash,
                    position = entry?.Position ?? existing?.Position,
                });
            }
            else if (entry is null)
            {
                await session.Console.Out.WriteLineAsync($"{participant.Address} is already registered (entry {existing!.Position}).");
            }
            else
            {
                await session.Console.Out.WriteLineAsync($"Registered {participant.Role.ToName()} {participant.Address} (entry {entry.Position}, {entry.Hash}).");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
