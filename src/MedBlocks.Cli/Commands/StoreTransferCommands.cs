using System.CommandLine;
using System.Globalization;
using MedBlocks.Cli.Hosting;
using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Store;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Cli.Commands;

/// <summary>
/// <c>store push</c> (embedded store → IPFS node), <c>store pull</c> (node → embedded store) and
/// <c>store verify</c> (re-hash every embedded block; with <c>--node</c>, the node's copies too).
/// </summary>
internal static class StoreTransferCommands
{
    public static Command BuildPush(CliApplication app)
    {
        var api = ApiOption();
        var push = new Command("push", "Copy every record in the embedded store to the IPFS node, pinned. Records the node already has pinned are skipped, so an interrupted push resumes.") { api };
        app.SetAction(push, async (parse, session, cancellationToken) =>
        {
            var json = parse.GetValue(app.Options.Json);
            var client = session.StoreSelection.CreateClient(RecordStoreSelection.ParseApi(parse.GetValue(api)));
            var inventory = await EmbeddedStoreInventory.ScanAsync(session.EmbeddedStore.Blocks, cancellationToken);
            RefuseDamaged(inventory);
            var pinned = await client.ListPinsAsync(cancellationToken);
            var pushed = new List<string>();
            var skipped = new List<string>();
            var index = 0;
            foreach (var root in inventory.Roots)
            {
                index++;
                var label = $"[{index}/{inventory.Roots.Count}] {root}";
                if (pinned.Contains(root))
                {
                    skipped.Add(root.ToString());
                    await session.Console.Error.WriteLineAsync($"{label} already on the node");
                    continue;
                }

                await using (var content = await session.EmbeddedStore.OpenReadAsync(root.ToString(), cancellationToken))
                {
                    var progress = json ? null : new ConsoleProgress(session.Console, label);
                    var added = await client.AddAsync(content, ImportOptionsOf(root), progress, cancellationToken);
                    if (added != root)
                    {
                        throw new CliException($"The node stored {root} as {added}; it imports files differently and the record was not copied.", ExitCodes.Integrity);
                    }
                }

                pushed.Add(root.ToString());
                await session.Console.Error.WriteLineAsync(json ? $"{label} copied" : $"\r{label} copied, pinned");
            }

            if (json)
            {
                await CliJson.WriteAsync(session.Console, new { node = client.Options.ApiUrl.ToString(), records = inventory.Roots.Count, pushed, skipped });
            }
            else
            {
                await session.Console.Out.WriteLineAsync($"{pushed.Count} record(s) copied, {skipped.Count} already on the node.");
            }

            return ExitCodes.Success;
        });
        return push;
    }

    public static Command BuildPull(CliApplication app)
    {
        var api = ApiOption();
        var cidArgument = new Argument<string>("CID") { Description = "The record to copy from the node." };
        var pull = new Command("pull", "Copy a record from the IPFS node into the embedded store, verifying every block.") { cidArgument, api };
        app.SetAction(pull, async (parse, session, cancellationToken) =>
        {
            var text = parse.GetValue(cidArgument)!;
            var cid = Cid.TryParse(text, out var parsed) ? parsed : throw new CliException($"'{text}' is not a CID.", ExitCodes.Usage);
            var client = session.StoreSelection.CreateClient(RecordStoreSelection.ParseApi(parse.GetValue(api)));
            Cid stored;
            await using (var content = await client.CatAsync(cid, cancellationToken))
            {
                stored = await session.EmbeddedStore.ImportAsync(content, ImportOptionsOf(cid), cancellationToken);
            }

            if (stored != cid)
            {
                // The bytes were verified against the node's DAG; only the local layout differs.
                throw new CliException($"{cid} was read intact but is laid out differently from 'ipfs add' defaults; the embedded store holds it as {stored}.", ExitCodes.Integrity);
            }

            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, new { cid = cid.ToString(), pulled = true });
            }
            else
            {
                await session.Console.Out.WriteLineAsync($"{cid} copied into the embedded store.");
            }

            return ExitCodes.Success;
        });
        return pull;
    }

    public static Command BuildVerify(CliApplication app)
    {
        var api = ApiOption();
        var node = new Option<bool>("--node") { Description = "Also read every record back from the IPFS node and verify its blocks there." };
        var verify = new Command("verify", "Re-hash every block of the embedded store; with --node, check the node holds every record intact.") { node, api };
        app.SetAction(verify, async (parse, session, cancellationToken) =>
        {
            var inventory = await EmbeddedStoreInventory.ScanAsync(session.EmbeddedStore.Blocks, cancellationToken);
            var missing = new List<string>();
            var damagedOnNode = new List<string>();
            if (parse.GetValue(node))
            {
                var client = session.StoreSelection.CreateClient(RecordStoreSelection.ParseApi(parse.GetValue(api)));
                foreach (var root in inventory.Roots)
                {
                    if (!await client.IsPinnedAsync(root, cancellationToken))
                    {
                        missing.Add(root.ToString());
                        continue;
                    }

                    try
                    {
                        await using var content = await client.CatAsync(root, cancellationToken);
                        await content.CopyToAsync(Stream.Null, cancellationToken);
                    }
                    catch (RecordIntegrityException)
                    {
                        damagedOnNode.Add(root.ToString());
                    }
                }
            }

            var intact = inventory.DamagedBlocks.Count == 0 && missing.Count == 0 && damagedOnNode.Count == 0;
            if (parse.GetValue(app.Options.Json))
            {
                await CliJson.WriteAsync(session.Console, new
                {
                    intact,
                    blocks = inventory.BlockCount,
                    bytes = inventory.ByteCount,
                    records = inventory.Roots.Count,
                    damagedBlocks = inventory.DamagedBlocks,
                    missingOnNode = parse.GetValue(node) ? missing : null,
                    damagedOnNode = parse.GetValue(node) ? damagedOnNode : null,
                });
            }
            else
            {
                await session.Console.Out.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{inventory.BlockCount} block(s), {inventory.Roots.Count} record(s), {inventory.ByteCount} bytes re-hashed; {inventory.DamagedBlocks.Count} damaged."));
                foreach (var path in inventory.DamagedBlocks)
                {
                    await session.Console.Out.WriteLineAsync($"damaged block: {path}");
                }

                if (parse.GetValue(node))
                {
                    await session.Console.Out.WriteLineAsync($"On the node: {inventory.Roots.Count - missing.Count - damagedOnNode.Count} intact, {missing.Count} missing, {damagedOnNode.Count} damaged.");
                    foreach (var cid in missing)
                    {
                        await session.Console.Out.WriteLineAsync($"missing on the node: {cid}");
                    }

                    foreach (var cid in damagedOnNode)
                    {
                        await session.Console.Out.WriteLineAsync($"damaged on the node: {cid}");
                    }
                }
            }

            return intact ? ExitCodes.Success : ExitCodes.Integrity;
        });
        return verify;
    }

    private static Option<string?> ApiOption() => new("--api")
    {
        Description = $"The IPFS node's RPC API address. Default: ${RecordStoreSelection.ApiVariable} or http://127.0.0.1:5001.",
    };

    private static UnixFsImportOptions ImportOptionsOf(Cid root) => root.Version == 0 ? UnixFsImportOptions.CidV0 : UnixFsImportOptions.CidV1;

    private static void RefuseDamaged(EmbeddedStoreInventory inventory)
    {
        if (inventory.DamagedBlocks.Count > 0)
        {
            throw new CliException(
                $"{inventory.DamagedBlocks.Count} block(s) of the embedded store are damaged (first: {inventory.DamagedBlocks[0]}); run 'medblocks store verify' and restore them first.",
                ExitCodes.Integrity);
        }
    }

    /// <summary>Shows the node's import progress on one line of standard error.</summary>
    private sealed class ConsoleProgress(CliConsole console, string label) : IProgress<long>
    {
        public void Report(long value) =>
            console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{label} {value / (1024.0 * 1024.0):0.0} MiB"));
    }
}
