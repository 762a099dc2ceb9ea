using System.Diagnostics;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>Deploys the compiled <c>MedBlocksLedger</c> contract once for a group of sites; every station is then pointed at it.</summary>
public static class LedgerContractDeployment
{
    /// <summary>The contract's ABI, as committed in <c>contracts/build/</c>.</summary>
    public static string Abi => LedgerContract.Instance.Abi;

    /// <summary>The contract's creation bytecode (hex), as committed in <c>contracts/build/</c>.</summary>
    public static string Bytecode => LedgerContract.Instance.Bytecode;

    /// <summary>Deploys the contract from the account of <paramref name="accountKey"/> and waits for it to be mined.</summary>
    /// <returns>The contract address and the block it was deployed in (the stations' <c>ContractAddress</c> and <c>DeploymentBlock</c>).</returns>
    /// <exception cref="EthereumNodeUnavailableException">The node cannot be reached.</exception>
    /// <exception cref="EthereumNodeException">The node refused the deployment or it failed.</exception>
    public static async Task<DeployedLedgerContract> DeployAsync(Uri nodeUrl, long chainId, string accountKey, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeUrl);
        ArgumentNullException.ThrowIfNull(accountKey);
        if (!EthereumLedgerOptionsValidator.IsHex(accountKey, 32))
        {
            throw new ArgumentException("The account key is 0x followed by 64 hex digits.", nameof(accountKey));
        }

        using var node = new EthereumNode(nodeUrl, string.Empty, timeout);
        var account = new StationAccount(accountKey);
        var nodeChain = await node.GetChainIdAsync(cancellationToken);
        if (nodeChain != chainId)
        {
            throw new EthereumNodeException($"The node at {node.Url} is on chain {nodeChain}, not {chainId}.");
        }

        var data = "0x" + Bytecode;
        var nonce = await node.GetPendingNonceAsync(account.Address, cancellationToken);
        var gasPrice = await node.GetGasPriceAsync(cancellationToken);
        var gas = await node.EstimateGasAsync(account.Address, data, cancellationToken, forCreation: true);
        var (raw, hash) = account.Sign(chainId, string.Empty, data, nonce, gasPrice, gas + (gas / 4));
        await node.SendRawTransactionAsync(raw, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var receipt = await node.GetReceiptAsync(hash, cancellationToken);
            if (receipt is not null)
            {
                if (receipt.Status?.Value == 0 || string.IsNullOrEmpty(receipt.ContractAddress))
                {
                    throw new EthereumNodeException($"The deployment transaction {hash} failed on the chain.");
                }

                return new DeployedLedgerContract(receipt.ContractAddress, (long)receipt.BlockNumber.Value, hash);
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new EthereumNodeException($"The deployment transaction {hash} was not mined within {timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}

/// <summary>A deployed ledger contract.</summary>
/// <param name="Address">The contract's address (the stations' <c>ContractAddress</c>).</param>
/// <param name="Block">The block it was deployed in (the stations' <c>DeploymentBlock</c>).</param>
/// <param name="TransactionHash">The deployment transaction.</param>
public sealed record DeployedLedgerContract(string Address, long Block, string TransactionHash);
