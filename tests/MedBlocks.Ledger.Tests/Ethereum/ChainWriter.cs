using System.Numerics;
using MedBlocks.Ledger.Ethereum;

namespace MedBlocks.Ledger.Tests.Ethereum;

/// <summary>Publishes arbitrary calls to the ledger contract from its own account, bypassing every check of the product's writer.</summary>
internal sealed class ChainWriter(AnvilNode node, string contract, string accountKey)
{
    private readonly StationAccount account = new(accountKey);

    public static async Task<ChainWriter> CreateAsync(AnvilNode node, string contract) =>
        new(node, contract, await node.NewFundedAccountKeyAsync());

    /// <summary>Sends the call and returns its transaction hash once mined.</summary>
    public async Task<string> CallAsync(string kind, byte[] party, byte[] entryHash, byte[] entry)
    {
        var data = LedgerContract.Instance.EncodeAppend(kind, party, entryHash, entry);
        var nonce = AnvilNode.ParseQuantity(await node.RpcAsync("eth_getTransactionCount", account.Address, "pending"));
        var gasPrice = BigInteger.Parse("0" + (await node.RpcAsync("eth_gasPrice"))!.GetValue<string>()[2..], System.Globalization.NumberStyles.HexNumber);
        var (raw, hash) = account.Sign(AnvilNode.ChainId, contract, data, nonce, gasPrice, 3_000_000);
        await node.RpcAsync("eth_sendRawTransaction", raw);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await node.RpcAsync("eth_getTransactionReceipt", hash) is not null)
            {
                return hash;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"transaction {hash} was not mined");
    }
}
