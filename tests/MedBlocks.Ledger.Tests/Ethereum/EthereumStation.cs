using MedBlocks.Core.Ledger;
using MedBlocks.Ledger.Ethereum;

namespace MedBlocks.Ledger.Tests.Ethereum;

/// <summary>
/// One station of a group sharing a ledger contract on anvil: its own account, its own index file. The contract is
/// deployed on the first open unless one is given (then the station joins it).
/// </summary>
public sealed class EthereumStation(AnvilNode node, DeployedLedgerContract? contract = null, int confirmations = 0, HttpClient? httpClient = null) : ILedgerHost
{
    private readonly TempLedgerFile index = new();
    private string? accountKey;

    public DeployedLedgerContract Contract => contract ?? throw new InvalidOperationException("Not opened yet.");

    public string IndexPath => index.Path;

    /// <summary>Tunes the options before each open.</summary>
    public Action<EthereumLedgerOptions>? Configure { get; set; }

    public EthereumLedgerOptions Options => Build();

    public async Task<ILedger> OpenAsync(TimeProvider clock) => await OpenLedgerAsync(clock);

    public async Task<EthereumLedger> OpenLedgerAsync(TimeProvider clock)
    {
        contract ??= await node.DeployAsync();
        accountKey ??= await node.NewFundedAccountKeyAsync();
        return new EthereumLedger(Build(), clock, null, httpClient);
    }

    public ValueTask DisposeAsync()
    {
        index.Dispose();
        return ValueTask.CompletedTask;
    }

    private EthereumLedgerOptions Build()
    {
        var options = new EthereumLedgerOptions
        {
            NodeUrl = node.Url,
            ChainId = AnvilNode.ChainId,
            ContractAddress = Contract.Address,
            DeploymentBlock = Contract.Block,
            AccountKey = accountKey,
            Confirmations = confirmations,
            IndexPath = index.Path,
            PollInterval = TimeSpan.FromMilliseconds(50),
            RequestTimeout = TimeSpan.FromSeconds(10),
            ConfirmationTimeout = TimeSpan.FromSeconds(30),
        };
        Configure?.Invoke(options);
        return options;
    }
}
