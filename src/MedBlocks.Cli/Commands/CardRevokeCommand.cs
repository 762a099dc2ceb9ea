using System.CommandLine;
using MedBlocks.Cli.Hosting;
using MedBlocks.Core.Ledger;

namespace MedBlocks.Cli.Commands;

/// <summary>
/// <c>card revoke --holder ADDRESS --serial SERIAL [--reason lost] --key KEY</c>: a <c>revoke-card</c> ledger entry for a
/// patient's or a staff member's card, signed by the holder or a site; check-in readers and staff sign-in refuse the
/// card from then on. No card is needed.
/// </summary>
internal static class CardRevokeCommand
{
    public static Command Build(CliApplication app)
    {
        var holder = new Option<string>("--holder") { Description = "The card holder's address (a patient, or staff: site, practitioner, emergency).", Required = true };
        var serial = new Option<string>("--serial") { Description = "Serial of the card to revoke (16 hex digits, as 'card read' shows it).", Required = true };
        var reason = ReasonOption();
        var command = new Command("revoke", "Revoke a lost, stolen or damaged patient or staff card on the ledger (signed by --key: the holder or a site).")
        {
            holder, serial, reason,
        };
        app.SetAction(command, async (parse, session, cancellationToken) =>
        {
            var revocation = new CardRevocation(parse.GetValue(holder)!, parse.GetValue(serial)!.ToUpperInvariant(), ParseReason(parse.GetValue(reason)));
            if (await session.Ledger.GetCardRevocationAsync(revocation.Patient, revocation.Serial, cancellationToken) is { } earlier)
            {
                await session.Console.Out.WriteLineAsync($"Card {revocation.Serial} was already revoked ({Name(earlier)}); nothing appended.");
                return ExitCodes.Success;
            }

            LedgerEntry entry;
            using (var author = session.OpenParticipant())
            {
                entry = await session.Ledger.AppendAsync(author, revocation, cancellationToken);
            }

            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, new { entry = entry.Hash, position = entry.Position, serial = revocation.Serial, reason = Name(revocation.Reason) });
                return ExitCodes.Success;
            }

            await session.Console.Out.WriteLineAsync($"Revoked card {revocation.Serial} ({Name(revocation.Reason)}) on the ledger (entry {entry.Position}); readers and staff sign-in refuse it from now on.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The <c>--reason</c> option of <c>card revoke</c> and <c>card reissue</c>.</summary>
    public static Option<string> ReasonOption() => new("--reason") { Description = "lost, stolen, damaged, replaced or expired.", DefaultValueFactory = _ => "lost" };

    /// <exception cref="CliException">Not one of the ledger's reasons.</exception>
    public static CardRevocationReason ParseReason(string? reason) => reason switch
    {
        "lost" => CardRevocationReason.Lost,
        "stolen" => CardRevocationReason.Stolen,
        "damaged" => CardRevocationReason.Damaged,
        "replaced" => CardRevocationReason.Replaced,
        "expired" => CardRevocationReason.Expired,
        _ => throw new CliException("--reason is lost, stolen, damaged, replaced or expired.", ExitCodes.Usage),
    };

    private static string Name(CardRevocationReason reason) => reason.ToString().ToLowerInvariant();
}
