using System.Numerics;
using MedBlocks.Ledger;
using MedBlocks.Ledger.Ethereum;
using MedBlocks.Ledger.Tests.Ethereum;

namespace MedBlocks.Benchmarks;

/// <summary>
/// A real anvil node holding the ledger contract with the entries of <see cref="LedgerBenchmarkChain"/>, published as
/// other stations would: signed transactions sent in bulk and mined into full blocks.
/// </summary>
internal sealed class EthereumBenchmarkChain : IAsyncDisposable
{
    private readonly List<string> directories = [];

    private EthereumBenchmarkChain(AnvilNode node, DeployedLedgerContract contract)
    {
        Node = node;
        Contract = contract;
    }

    public AnvilNode Node { get; }

    public DeployedLedgerContract Contract { get; }

    /// <summary>Starts anvil and deploys the contract, then publishes the first <paramref name="entries"/> entries of the benchmark ledger.</summary>
    public static async Task<EthereumBenchmarkChain> StartAsync(int entries)
    {
        var node = new AnvilNode(genesis: null);
        await node.InitializeAsync();
        var chain = new EthereumBenchmarkChain(node, await node.DeployAsync());
        if (entries > 0)
        {
            await chain.PublishAsync(entries);
        }

        return chain;
    }

    /// <summary>A station with a fresh index on this chain (nothing read yet).</summary>
    public async Task<EthereumLedger> OpenStationAsync(bool canAppend = false)
    {
        var directory = Directory.CreateTempSubdirectory("medblocks-eth-bench-").FullName;
        directories.Add(directory);
        return new EthereumLedger(new EthereumLedgerOptions
        {
            NodeUrl = Node.Url,
            ChainId = AnvilNode.ChainId,
            ContractAddress = Contract.Address,
            DeploymentBlock = Contract.Block,
            AccountKey = canAppend ? await Node.NewFundedAccountKeyAsync() : null,
            Confirmations = 0,
            IndexPath = Path.Combine(directory, "index.db"),
            LogBlockRange = 10_000,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var directory in directories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task PublishAsync(int entries)
    {
        var key = await Node.NewFundedAccountKeyAsync();
        var account = new StationAccount(key);
        // Full blocks raise the base fee 12.5 % each: price every transaction well above it, and fund that.
        await Node.RpcAsync("anvil_setBalance", account.Address, "0x" + BigInteger.Pow(10, 24).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        var gasPrice = 100 * BigInteger.Parse("0" + (await Node.RpcAsync("eth_gasPrice"))!.GetValue<string>()[2..], System.Globalization.NumberStyles.HexNumber);
        await Node.SetAutomineAsync(false);
        using (var source = new SqliteLedger(new SqliteLedgerOptions { Path = LedgerBenchmarkChain.Ensure(entries) }))
        {
            var nonce = 0L;
            await foreach (var entry in source.ReadSinceAsync(0))
            {
                var (raw, _) = account.Sign(AnvilNode.ChainId, Contract.Address, LedgerContract.Instance.EncodeAppend(entry), nonce++, gasPrice, 200_000);
                await Node.RpcAsync("eth_sendRawTransaction", raw);
            }

            while (AnvilNode.ParseQuantity(await Node.RpcAsync("eth_getTransactionCount", account.Address, "latest")) < nonce)
            {
                await Node.MineAsync();
            }
        }

        await Node.SetAutomineAsync(true);
    }
}
