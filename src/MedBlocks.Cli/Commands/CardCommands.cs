using System.CommandLine;
using System.Globalization;
using MedBlocks.Cli.Hosting;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Cli.Commands;

/// <summary>
/// <c>card personalise|reissue|revoke|read|emergency|log|format</c>: patient and staff cards on a simulator card
/// image (<c>--image</c>) or in a PC/SC reader (<c>--reader</c>), with the network master keys this station holds.
/// </summary>
internal static class CardCommands
{
    public static Command Build(CliApplication app)
    {
        var context = new CardCommandContext();
        var card = new Command("card", "Issue, read and re-issue MedBlocks patient and staff cards (DESFire EV1+).");
        context.AddTo(card);
        card.Subcommands.Add(BuildPersonalise(app, context));
        card.Subcommands.Add(BuildReissue(app, context));
        card.Subcommands.Add(CardRevokeCommand.Build(app));
        foreach (var command in CardReadCommands.Build(app, context))
        {
            card.Subcommands.Add(command);
        }

        return card;
    }

    private static Command BuildPersonalise(CliApplication app, CardCommandContext context)
    {
        var content = new CardContentOptions();
        var role = new Option<string>("--role") { Description = "patient, registrar, practitioner or paramedic.", DefaultValueFactory = _ => "patient" };
        var backup = new Option<string?>("--backup") { Description = "Write the new keys' encrypted backup key file here (required for a patient: it is how a lost card is re-issued)." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing backup key file." };
        var command = new Command("personalise", "Turn a blank card into an issued patient or staff card: new keys, PIN, identity, signed emergency summary; declares the keys on the ledger.")
        {
            role, backup, force,
        };
        content.AddTo(command);
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            if (!CardHolderRoles.TryParse(parse.GetValue(role), out var holder))
            {
                throw new CliException("--role is patient, registrar, practitioner or paramedic.", ExitCodes.Usage);
            }

            var backupPath = parse.GetValue(backup) is { Length: > 0 } given ? Path.GetFullPath(given) : null;
            if (backupPath is null && holder == CardHolderRole.Patient)
            {
                throw new CliException("A patient card needs --backup FILE: the encrypted copy of the patient's keys that a lost card is re-issued from.", ExitCodes.Usage);
            }

            if (backupPath is not null)
            {
                CliSession.RequireKeyFileWritable(backupPath, parse.GetValue(force));
            }

            var signedSummary = await content.SignSummaryAsync(parse, session, cancellationToken);
            var pins = session.CardPins;
            var pin = pins.ForNewCard();
            var backupPassphrase = backupPath is null ? null : pins.ForBackup(isNew: true);
            using var keys = context.OpenKeys(parse, session);
            Participant? created = null;
            try
            {
                PersonalizationResult result;
                await using (var target = context.OpenCard(parse, allowNew: true))
                {
                    var request = content.Request(parse, session, pin, signedSummary, holder, bits =>
                    {
                        created = Participant.Create(holder.LedgerRole(), bits);
                        if (backupPath is not null)
                        {
                            CliSession.WriteKeyFile(backupPath, ParticipantKeyFile.Seal(created, backupPassphrase, session.KeyFileKdf), parse.GetValue(force));
                        }

                        return created;
                    });
                    result = await new CardPersonalizer(keys, session.TimeProvider).PersonalizeAsync(target.Transport, request, cancellationToken: cancellationToken);
                }

                var declared = await DeclareAsync(session, created!, cancellationToken);
                await ReportIssuedAsync(app, session, parse, result, declared, backupPath, revocation: null);
                return ExitCodes.Success;
            }
            finally
            {
                created?.Dispose();
            }
        });
        return command;
    }

    private static Command BuildReissue(CliApplication app, CardCommandContext context)
    {
        var content = new CardContentOptions();
        var backup = new Option<string>("--backup") { Description = "The patient's encrypted backup key file.", Required = true };
        var replaces = new Option<string>("--replaces") { Description = "Serial of the card being replaced (16 hex digits, as 'card read' shows it).", Required = true };
        var reason = CardRevokeCommand.ReasonOption();
        var command = new Command("reissue", "Issue a new card with the patient's keys from their backup key file and revoke the replaced card on the ledger.")
        {
            backup, replaces, reason,
        };
        content.AddTo(command);
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            var revocationReason = CardRevokeCommand.ParseReason(parse.GetValue(reason));
            var replaced = parse.GetValue(replaces)!.ToUpperInvariant();
            var backupPath = Path.GetFullPath(parse.GetValue(backup)!);
            if (!File.Exists(backupPath))
            {
                throw new CliException($"The backup key file {backupPath} does not exist.", ExitCodes.NotFound);
            }

            var signedSummary = await content.SignSummaryAsync(parse, session, cancellationToken);
            var pins = session.CardPins;
            var backupPassphrase = pins.ForBackup(isNew: false);
            var pin = pins.ForNewCard();
            using var keys = context.OpenKeys(parse, session);
            CardReissueResult result;
            await using (var target = context.OpenCard(parse, allowNew: true))
            {
                var request = content.Request(parse, session, pin, signedSummary, CardHolderRole.Patient, _ => throw new InvalidOperationException("Re-issue uses the restored keys."));
                result = await new CardReissue(new CardPersonalizer(keys, session.TimeProvider), session.Ledger).ReissueAsync(
                    target.Transport,
                    new CardReissueRequest(await File.ReadAllTextAsync(backupPath, cancellationToken), backupPassphrase, replaced, revocationReason),
                    request,
                    cancellationToken);
            }

            await ReportIssuedAsync(app, session, parse, result.Card, declared: null, backupPath, result.Revocation ?? (object)"already revoked");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<LedgerEntry?> DeclareAsync(CliSession session, Participant participant, CancellationToken cancellationToken)
    {
        if (await session.Ledger.GetParticipantAsync(participant.Address, cancellationToken) is not null)
        {
            return null;
        }

        return await session.Ledger.AppendAsync(
            participant,
            new IdentityDeclaration(participant.Address, participant.Role, Convert.ToBase64String(participant.EncryptionPublicKey.Span)),
            cancellationToken);
    }

    private static async Task ReportIssuedAsync(CliApplication app, CliSession session, ParseResult parse, PersonalizationResult result, LedgerEntry? declared, string? backupPath, object? revocation)
    {
        var revocationEntry = revocation as LedgerEntry;
        if (parse.GetValue(app.Options.Json))
        {
            await CliJson.WriteAsync(session.Console, new
            {
                serial = result.Info.SerialText,
                address = result.Identity.Address,
                role = result.Identity.Role.ToName(),
                rsaBits = result.RsaKeySize,
                storage = result.StorageSize,
                freeBefore = result.FreeMemoryBefore,
                freeAfter = result.FreeMemoryAfter,
                restarted = result.Restarted,
                declared = declared?.Hash,
                backup = backupPath,
                revocation = revocationEntry?.Hash,
            });
            return;
        }

        var output = session.Console.Out;
        await output.WriteLineAsync($"Issued {result.Identity.Role.ToName()} card {result.Info.SerialText} for {result.Identity.Address} (RSA {result.RsaKeySize}, {result.FreeMemoryAfter} of {result.StorageSize} bytes free{(result.Restarted ? ", restarted an interrupted card" : string.Empty)}).");
        if (declared is not null)
        {
            await output.WriteLineAsync($"Declared on the ledger (entry {declared.Position}).");
        }

        if (backupPath is not null && revocation is null)
        {
            await output.WriteLineAsync($"Backup key file: {backupPath}. Keep it offline; it re-issues a lost card.");
        }

        if (revocationEntry is not null)
        {
            await output.WriteLineAsync($"Revoked the replaced card on the ledger (entry {revocationEntry.Position}); kiosks refuse it from now on.");
        }
        else if (revocation is not null)
        {
            await output.WriteLineAsync("The replaced card was already revoked on the ledger.");
        }
    }

    /// <summary>What personalise and reissue both write: holder details, the signed emergency summary, serial and room.</summary>
    private sealed class CardContentOptions
    {
        private readonly Option<string> name = new("--name") { Description = "The holder's name as printed on screens.", Required = true };
        private readonly Option<string> birthDate = new("--birth-date") { Description = "yyyy-MM-dd.", Required = true };
        private readonly Option<string> sex = new("--sex") { Description = "female, male, other or unknown.", Required = true };
        private readonly Option<uint> issuer = new("--issuer") { Description = "Issuer id written in the card info.", DefaultValueFactory = _ => 1 };
        private readonly Option<string> summary = new("--summary") { Description = "Emergency summary JSON (format 2) whose author is the participant of --key; signed with it.", Required = true };
        private readonly Option<string?> serial = new("--serial") { Description = "Card serial, 16 hex digits (random when absent)." };
        private readonly Option<int> reserve = new("--reserve") { Description = "Extra bytes kept in the emergency file for later updates (8 KB cards).", DefaultValueFactory = _ => 0 };
        private readonly Option<bool> format = new("--format") { Description = "Format and re-personalise a card that is already issued by this network." };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { name, birthDate, sex, issuer, summary, serial, reserve, format })
            {
                command.Options.Add(option);
            }
        }

        public Task<byte[]> SignSummaryAsync(ParseResult parse, CliSession session, CancellationToken cancellationToken) =>
            EmergencySummaryFile.SignAsync(parse.GetValue(summary)!, session, cancellationToken);

        public PersonalizationRequest Request(ParseResult parse, CliSession session, string pin, byte[] signedSummary, CardHolderRole role, Func<int, Participant> createParticipant)
        {
            if (!DateOnly.TryParseExact(parse.GetValue(birthDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            {
                throw new CliException("--birth-date is yyyy-MM-dd.", ExitCodes.Usage);
            }

            ulong? fixedSerial = null;
            if (parse.GetValue(serial) is { Length: > 0 } text)
            {
                fixedSerial = text.Length == 16 && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new CliException("--serial is 16 hex digits.", ExitCodes.Usage);
            }

            return new PersonalizationRequest
            {
                Name = parse.GetValue(name)!,
                BirthDate = birth,
                Sex = parse.GetValue(sex)!,
                IssuerId = parse.GetValue(issuer),
                CreateParticipant = createParticipant,
                Pin = pin,
                Kdf = session.KeyFileKdf,
                SignedEmergencySummary = signedSummary,
                CardSerial = fixedSerial,
                FormatIssuedCard = parse.GetValue(format),
                EmergencySummaryReserve = parse.GetValue(reserve),
                Role = role,
            };
        }
    }
}
