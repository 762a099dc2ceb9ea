using System.CommandLine;
using MedBlocks.Cli.Hosting;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Cli.Commands;

/// <summary><c>store cid</c>: the CID <c>ipfs add</c> would give a file, computed locally; <c>push</c>, <c>pull</c>, <c>verify</c>.</summary>
internal static class StoreCommands
{
    public static Command Build(CliApplication app)
    {
        var store = new Command("store", "The content-addressed record store.");
        var file = new Argument<string>("FILE") { Description = "The file to address." };
        var version = new Option<int>("--cid-version") { Description = "0 (Qm…, dag-pb leaves) or 1 (b…, raw leaves).", DefaultValueFactory = _ => 1 };
        version.AcceptOnlyFromAmong("0", "1");
        var cid = new Command("cid", "Print the CID that 'ipfs add' gives this file with the same options; stores nothing.") { file, version };
        app.SetAction(cid, async (parse, session, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new CliException($"File not found: {path}", ExitCodes.NotFound);
            }

            var options = parse.GetValue(version) == 0 ? UnixFsImportOptions.CidV0 : UnixFsImportOptions.CidV1;
            var result = await CidCalculator.ComputeFileAsync(path, options, cancellationToken);
            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, new { file = path, cid = result.ToString(), version = parse.GetValue(version) });
            }
            else
            {
                await session.Console.Out.WriteLineAsync(result.ToString());
            }

            return ExitCodes.Success;
        });
        store.Subcommands.Add(cid);
        store.Subcommands.Add(StoreTransferCommands.BuildPush(app));
        store.Subcommands.Add(StoreTransferCommands.BuildPull(app));
        store.Subcommands.Add(StoreTransferCommands.BuildVerify(app));
        return store;
    }
}
