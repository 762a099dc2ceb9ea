using System.ComponentModel.DataAnnotations;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>
/// Where a station finds the shared chain and its ledger contract, the station's own account, and how it follows
/// the chain. Bound from configuration section <c>Ledger:Ethereum</c>; validated by <see cref="EthereumLedgerOptionsValidator"/>.
/// </summary>
public sealed class EthereumLedgerOptions
{
    public const string SectionName = "Ledger:Ethereum";

    /// <summary>The node's JSON-RPC endpoint (http or https), e.g. the hospital's own Besu node.</summary>
    [Required]
    public Uri? NodeUrl { get; set; }

    /// <summary>The chain's id; the node must report the same, and transactions are signed for it (EIP-155).</summary>
    [Range(1, long.MaxValue)]
    public long ChainId { get; set; }

    /// <summary>Address of the deployed <c>MedBlocksLedger</c> contract (0x and 40 hex digits).</summary>
    [Required]
    public string? ContractAddress { get; set; }

    /// <summary>The block the contract was deployed in: the chain is read from there.</summary>
    [Range(0, long.MaxValue)]
    public long DeploymentBlock { get; set; }

    /// <summary>
    /// The station's Ethereum account key (0x and 64 hex digits) that pays for and signs its transactions; kept out of
    /// logs and <see cref="ToString"/>. Null for a read-only station, which follows the chain but cannot append.
    /// </summary>
    public string? AccountKey { get; set; }

    /// <summary>Blocks that must follow an entry's block before the append is reported and the entry indexed (0: its own block).</summary>
    [Range(0, 10_000)]
    public int Confirmations { get; set; } = 2;

    /// <summary>The local index: an embedded ledger file caught up from the chain. Its directory must exist.</summary>
    [Required]
    public string? IndexPath { get; set; }

    /// <summary>How often the background follower asks the node for new blocks.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Blocks asked for in one <c>eth_getLogs</c> request while catching up.</summary>
    [Range(1, 100_000)]
    public int LogBlockRange { get; set; } = 2_000;

    /// <summary>How long one JSON-RPC request may take before the node counts as unreachable.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an append waits for its transaction to be mined and confirmed.</summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many times the signer-based append rebuilds its entry after another station won the race for the head.</summary>
    [Range(1, 1_000)]
    public int MaxAppendAttempts { get; set; } = 16;

    /// <summary>Gas allowed beyond the node's estimate, in percent.</summary>
    [Range(0, 1_000)]
    public int GasMarginPercent { get; set; } = 25;

    public override string ToString() =>
        $"Ethereum ledger {ContractAddress} on chain {ChainId} via {NodeUrl}, {Confirmations} confirmations, index {IndexPath}, account key {(AccountKey is null ? "none" : "set")}";
}
