using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.Blocks;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>
/// The JSON-RPC calls the ledger makes, through Nethereum, with every failure turned into a typed error:
/// <see cref="EthereumNodeUnavailableException"/> when the node cannot be reached or does not answer in time,
/// <see cref="EthereumNodeException"/> when it answers with an error.
/// </summary>
internal sealed class EthereumNode : IDisposable
{
    private const int BlockBatchSize = 500;

    private readonly HttpClient? ownedHttpClient;
    private readonly Web3 web3;
    private readonly string contractAddress;
    private readonly TimeSpan requestTimeout;
    private readonly EthGetBlockWithTransactionsHashesByNumber blockByNumber;

    public EthereumNode(Uri url, string contractAddress, TimeSpan requestTimeout, HttpClient? httpClient = null)
    {
        // Shown in errors and logs: without any credentials the URL may carry.
        Url = new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri;
        this.contractAddress = contractAddress;
        if (httpClient is null)
        {
            ownedHttpClient = new HttpClient { Timeout = requestTimeout };
            httpClient = ownedHttpClient;
        }

        this.requestTimeout = requestTimeout;
        var client = new RpcClient(url, httpClient, null, null, null);
        web3 = new Web3(client);
        blockByNumber = new EthGetBlockWithTransactionsHashesByNumber(client);
    }

    public Uri Url { get; }

    public Task<long> GetChainIdAsync(CancellationToken cancellationToken) =>
        CallAsync("eth_chainId", async () => (long)(await web3.Eth.ChainId.SendRequestAsync()).Value, cancellationToken);

    public Task<long> GetBlockNumberAsync(CancellationToken cancellationToken) =>
        CallAsync("eth_blockNumber", async () => (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value, cancellationToken);

    /// <summary>The block's header facts, or null when the node has no block at that height.</summary>
    public Task<ChainBlock?> GetBlockAsync(long number, CancellationToken cancellationToken) =>
        CallAsync(
            "eth_getBlockByNumber",
            async () =>
            {
                var block = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(number)));
                return block is null
                    ? null
                    : new ChainBlock(number, block.BlockHash, DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value));
            },
            cancellationToken);

    /// <summary>Several blocks' header facts in JSON-RPC batches; a block the node lacks is missing from the answer.</summary>
    public async Task<IReadOnlyDictionary<long, ChainBlock>> GetBlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        var blocks = new Dictionary<long, ChainBlock>(numbers.Count);
        foreach (var chunk in numbers.Chunk(BlockBatchSize))
        {
            var answer = await CallAsync(
                "eth_getBlockByNumber (batch)",
                () => blockByNumber.SendBatchRequestAsync([.. chunk.Select(n => new HexBigInteger(n))]),
                cancellationToken);
            foreach (var block in answer ?? [])
            {
                if (block?.Number is { } number && block.BlockHash is { } hash)
                {
                    blocks[(long)number.Value] = new ChainBlock((long)number.Value, hash, DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value));
                }
            }
        }

        return blocks;
    }

    /// <summary>The contract's logs of the six ledger events in blocks <paramref name="from"/> to <paramref name="to"/>, in chain order.</summary>
    public Task<FilterLog[]> GetLogsAsync(long from, long to, IReadOnlyList<string> eventTopics, CancellationToken cancellationToken) =>
        CallAsync(
            "eth_getLogs",
            async () =>
            {
                var filter = new NewFilterInput
                {
                    Address = [contractAddress],
                    FromBlock = new BlockParameter(new HexBigInteger(from)),
                    ToBlock = new BlockParameter(new HexBigInteger(to)),
                    Topics = [eventTopics.ToArray<object>()],
                };
                var logs = await web3.Eth.Filters.GetLogs.SendRequestAsync(filter) ?? [];
                return logs.OrderBy(l => l.BlockNumber.Value).ThenBy(l => l.LogIndex.Value).ToArray();
            },
            cancellationToken);

    public Task<long> GetPendingNonceAsync(string address, CancellationToken cancellationToken) =>
        CallAsync("eth_getTransactionCount", async () => (long)(await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, BlockParameter.CreatePending())).Value, cancellationToken);

    public Task<long> GetMinedNonceAsync(string address, CancellationToken cancellationToken) =>
        CallAsync("eth_getTransactionCount", async () => (long)(await web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, BlockParameter.CreateLatest())).Value, cancellationToken);

    public Task<BigInteger> GetGasPriceAsync(CancellationToken cancellationToken) =>
        CallAsync("eth_gasPrice", async () => (await web3.Eth.GasPrice.SendRequestAsync()).Value, cancellationToken);

    /// <summary>Gas for calling the contract with <paramref name="data"/>, or with <paramref name="forCreation"/> for creating a contract from it.</summary>
    public Task<BigInteger> EstimateGasAsync(string from, string data, CancellationToken cancellationToken, bool forCreation = false) =>
        CallAsync(
            "eth_estimateGas",
            async () => (await web3.Eth.Transactions.EstimateGas.SendRequestAsync(forCreation ? new CallInput { Data = data, From = from } : new CallInput(data, contractAddress) { From = from })).Value,
            cancellationToken);

    /// <summary>Sends a signed transaction; a node that already holds it is not an error.</summary>
    public Task SendRawTransactionAsync(string signedHex, CancellationToken cancellationToken) =>
        CallAsync<object?>(
            "eth_sendRawTransaction",
            async () =>
            {
                try
                {
                    await web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(signedHex);
                }
                catch (RpcResponseException ex) when (IsAlreadyKnown(ex.RpcError?.Message))
                {
                    // Sent before (a retry after a lost answer): the node has it, pending or mined.
                }

                return null;
            },
            cancellationToken);

    public Task<TransactionReceipt?> GetReceiptAsync(string transactionHash, CancellationToken cancellationToken) =>
        CallAsync<TransactionReceipt?>("eth_getTransactionReceipt", async () => await web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash), cancellationToken);

    /// <summary>Whether the node knows the transaction at all (pending or mined).</summary>
    public Task<bool> KnowsTransactionAsync(string transactionHash, CancellationToken cancellationToken) =>
        CallAsync("eth_getTransactionByHash", async () => await web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(transactionHash) is not null, cancellationToken);

    public void Dispose() => ownedHttpClient?.Dispose();

    private static bool IsAlreadyKnown(string? message) =>
        message is not null
        && (message.Contains("already known", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already imported", StringComparison.OrdinalIgnoreCase)
            || message.Contains("known transaction", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already exists", StringComparison.OrdinalIgnoreCase));

    private async Task<T> CallAsync<T>(string method, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await call().WaitAsync(requestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcResponseException ex)
        {
            throw new EthereumNodeException(
                string.Create(CultureInfo.InvariantCulture, $"The Ethereum node at {Url} refused {method}: {ex.RpcError?.Code} {ex.RpcError?.Message}"), ex);
        }
        catch (Exception ex) when (ex is RpcClientUnknownException or RpcClientTimeoutException or HttpRequestException or TimeoutException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new EthereumNodeUnavailableException($"The Ethereum node at {Url} cannot be reached ({method}): {Innermost(ex).Message}", ex);
        }
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}

/// <summary>A block's number, hash and time.</summary>
internal sealed record ChainBlock(long Number, string Hash, DateTimeOffset Time);
