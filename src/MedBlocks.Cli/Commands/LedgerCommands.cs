using System.CommandLine;
using MedBlocks.Cli.Hosting;

namespace MedBlocks.Cli.Commands;

/// <summary><c>ledger verify</c>: re-checks every hash link, signature and rule from the first entry.</summary>
internal static class LedgerCommands
{
    public static Command Build(CliApplication app)
    {
        var ledger = new Command("ledger", "Inspect the ledger.");
        var verify = new Command("verify", "Verify the whole chain: hashes, links, signatures and rules; names the first bad entry.");
        app.SetAction(verify, async (parse, session, cancellationToken) =>
        {
            var result = await session.Ledger.VerifyAsync(progress: null, cancellationToken);
            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, result);
            }
            else
            {
                await (result.IsValid ? session.Console.Out : session.Console.Error).WriteLineAsync(result.ToString());
            }

            return result.IsValid ? ExitCodes.Success : ExitCodes.Integrity;
        });
        ledger.Subcommands.Add(verify);
        return ledger;
    }
}
