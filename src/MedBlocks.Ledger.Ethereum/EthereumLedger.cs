using System.Diagnostics;
using System.Runtime.CompilerServices;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>
/// The MedBlocks ledger on an Ethereum-compatible chain shared by several sites. Entries are published as events
/// of the <c>MedBlocksLedger</c> contract; the chain decides their order and keeps them available, and nothing
/// more: every reader checks each entry's signature, hash chain and rules itself, with the same code as the
/// embedded ledger, and refuses events that fail (every reader refuses the same ones, so all agree on the ledger).
/// <para>
/// Queries are answered from a local index, an embedded ledger file caught up from the chain block range by block
/// range (<see cref="CatchUpAsync"/>, run by <see cref="EthereumLedgerFollower"/> in a host), so they never scan
/// the log. An append is reported once its block has <see cref="EthereumLedgerOptions.Confirmations"/> blocks on
/// top and the entry is indexed; its signed transaction is kept until then, so a retry after a failure sends the
/// same transaction again and never appends the same entry twice.
/// </para>
/// </summary>
public sealed class EthereumLedger : ILedger, IDisposable
{
    private static readonly TimeSpan MaxReceiptPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a retry of the signer-based append with the same body completes the earlier attempt instead of appending anew.</summary>
    private static readonly TimeSpan RetryWindow = TimeSpan.FromMinutes(15);

    private readonly EthereumLedgerOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly EthereumNode node;
    private readonly SqliteLedger index;
    private readonly ChainIndexStore store;
    private readonly ChainFollower follower;
    private readonly StationAccount? account;
    private readonly SemaphoreSlim appendGate = new(1, 1);
    private bool chainChecked;
    private bool disposed;

    /// <summary>Opens (creating if needed) the local index; the node is first contacted by the first append or catch-up.</summary>
    /// <param name="options">Validated here; see <see cref="EthereumLedgerOptionsValidator"/>.</param>
    /// <param name="timeProvider">Stamps entries and checks that appended entries are not ahead of this station's clock.</param>
    /// <param name="logger">Receives block numbers, transaction hashes and positions, never entry bodies or keys.</param>
    /// <param name="httpClient">Carries the JSON-RPC requests; by default one is made with <see cref="EthereumLedgerOptions.RequestTimeout"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidOperationException">The index file follows another contract or chain.</exception>
    public EthereumLedger(EthereumLedgerOptions options, TimeProvider? timeProvider = null, ILogger<EthereumLedger>? logger = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        EthereumLedgerOptionsValidator.ThrowIfInvalid(options);
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<EthereumLedger>.Instance;
        index = new SqliteLedger(
            new SqliteLedgerOptions { Path = options.IndexPath!, Durability = SqliteDurability.Normal, MaxAppendAttempts = 1 },
            this.timeProvider);
        try
        {
            store = new ChainIndexStore(index);
            store.EnsureAsync(options.ContractAddress!, options.ChainId, CancellationToken.None).GetAwaiter().GetResult();
            account = options.AccountKey is null ? null : new StationAccount(options.AccountKey);
            node = new EthereumNode(options.NodeUrl!, options.ContractAddress!, options.RequestTimeout, httpClient);
        }
        catch
        {
            index.Dispose();
            throw;
        }

        follower = new ChainFollower(node, index, store, options, this.logger);
        var position = index.GetHeadAsync().GetAwaiter().GetResult().Position;
        EthereumLedgerLog.Opened(this.logger, options.ContractAddress!, options.ChainId, node.Url, account?.Address ?? "none (read-only)", options.IndexPath!, position);
    }

    /// <summary>The station's Ethereum account address, or null for a read-only station.</summary>
    public string? StationAddress => account?.Address;

    /// <summary>Reads every block confirmed since the last catch-up into the local index.</summary>
    /// <exception cref="EthereumNodeUnavailableException">The node cannot be reached; the index stays as it was.</exception>
    /// <exception cref="EthereumNodeException">The node is on another chain or answered with an error.</exception>
    public async Task<ChainSyncResult> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await CheckChainAsync(cancellationToken);
        return await follower.CatchUpAsync(cancellationToken);
    }

    /// <summary>Where the accepted entry at <paramref name="position"/> was published, or null.</summary>
    public ChainLocation? GetLocation(long position) => store.FindLocation(position);

    /// <summary>How many events this station's readers have refused.</summary>
    public long RefusedEventCount => store.CountRefusals();

    /// <inheritdoc />
    /// <exception cref="EthereumNodeUnavailableException">The node cannot be reached; retry with the same entry.</exception>
    /// <exception cref="EthereumConfirmationTimeoutException">Sent but not confirmed in time; retry with the same entry.</exception>
    public async Task<LedgerEntry> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ObjectDisposedException.ThrowIf(disposed, this);
        var writer = RequireAccount();
        await appendGate.WaitAsync(cancellationToken);
        try
        {
            return await AppendLockedAsync(writer, entry, sameContent: false, caughtUp: false, cancellationToken);
        }
        finally
        {
            appendGate.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// An earlier call of the last 15 minutes with the same author, kind and body whose transaction was kept (it
    /// failed with <see cref="EthereumNodeUnavailableException"/> or <see cref="EthereumConfirmationTimeoutException"/>)
    /// is completed, or returned if it landed meanwhile, instead of publishing a second entry.
    /// </remarks>
    public async Task<LedgerEntry> AppendAsync(IEntrySigner signer, ILedgerBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(body);
        ObjectDisposedException.ThrowIf(disposed, this);
        var writer = RequireAccount();
        var factory = new LedgerEntryFactory(timeProvider);
        for (var attempt = 1; ; attempt++)
        {
            await appendGate.WaitAsync(cancellationToken);
            try
            {
                await CatchUpAsync(cancellationToken);
                var entry = factory.Create(signer, await index.GetHeadAsync(cancellationToken), body);
                return await AppendLockedAsync(writer, entry, sameContent: true, caughtUp: true, cancellationToken);
            }
            catch (LedgerHeadMovedException moved) when (attempt < options.MaxAppendAttempts)
            {
                EthereumLedgerLog.HeadMoved(logger, attempt, moved.CurrentHead?.Position ?? 0);
            }
            finally
            {
                appendGate.Release();
            }

            // Another station won the race; a short random pause keeps two stations from colliding in lockstep.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 50 * Math.Min(attempt, 10))), cancellationToken);
        }
    }

    public Task<LedgerHead> GetHeadAsync(CancellationToken cancellationToken = default) => Index.GetHeadAsync(cancellationToken);

    public Task<DeclaredParticipant?> GetParticipantAsync(string address, CancellationToken cancellationToken = default) =>
        Index.GetParticipantAsync(address, cancellationToken);

    public Task<IReadOnlyList<MedBlockView>> GetPatientMedBlocksAsync(string patient, CancellationToken cancellationToken = default) =>
        Index.GetPatientMedBlocksAsync(patient, cancellationToken);

    public Task<MedBlockView?> GetMedBlockAsync(string hash, CancellationToken cancellationToken = default) =>
        Index.GetMedBlockAsync(hash, cancellationToken);

    public Task<CardRevocationReason?> GetCardRevocationAsync(string patient, string serial, CancellationToken cancellationToken = default) =>
        Index.GetCardRevocationAsync(patient, serial, cancellationToken);

    public async IAsyncEnumerable<LedgerEntry> ReadSinceAsync(long position, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in Index.ReadSinceAsync(position, cancellationToken))
        {
            yield return entry;
        }
    }

    /// <summary>
    /// Re-checks the local index from its first entry exactly as the embedded ledger verifies its file (hashes, links,
    /// signatures, rules), then reads the chain again up to where the index has read it and checks that the entries
    /// the chain yields are the index's, one for one.
    /// </summary>
    /// <exception cref="EthereumNodeUnavailableException">The node cannot be reached for the second part.</exception>
    public async Task<LedgerVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await CheckChainAsync(cancellationToken);
        return await follower.ExclusiveAsync(
            async () =>
            {
                var local = await index.VerifyAsync(progress, cancellationToken);
                return local.IsValid ? await new ChainReplay(follower, index, store, options).CompareAsync(cancellationToken) : local;
            },
            cancellationToken);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        index.Dispose();
        node.Dispose();
        follower.Dispose();
        appendGate.Dispose();
    }

    private SqliteLedger Index
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return index;
        }
    }

    private StationAccount RequireAccount() =>
        account ?? throw new InvalidOperationException(
            "This station has no Ethereum account key (Ledger:Ethereum:AccountKey): it reads the shared ledger but cannot append to it.");

    private async Task CheckChainAsync(CancellationToken cancellationToken)
    {
        if (chainChecked)
        {
            return;
        }

        var chainId = await node.GetChainIdAsync(cancellationToken);
        if (chainId != options.ChainId)
        {
            throw new EthereumNodeException($"The node at {node.Url} is on chain {chainId}, not the configured chain {options.ChainId}.");
        }

        chainChecked = true;
    }

    private async Task<LedgerEntry> AppendLockedAsync(StationAccount writer, LedgerEntry entry, bool sameContent, bool caughtUp, CancellationToken cancellationToken)
    {
        if (await index.FindEntryAsync(entry.Hash, cancellationToken) is { } stored)
        {
            return stored;
        }

        var pending = store.FindPending(entry, sameContent ? timeProvider.GetUtcNow() - RetryWindow : null);
        if (pending is not null && await index.FindEntryAsync(pending.Entry.Hash, cancellationToken) is { } landed)
        {
            // An earlier attempt's transaction made it after all.
            await store.RemovePendingAsync(pending.Entry.Hash, cancellationToken);
            return landed;
        }

        if (pending is null)
        {
            if (!caughtUp)
            {
                await CatchUpAsync(cancellationToken);
                if (await index.FindEntryAsync(entry.Hash, cancellationToken) is { } indexed)
                {
                    return indexed;
                }
            }

            await index.CheckAppendAsync(entry, cancellationToken);
            pending = await SignAsync(writer, entry, cancellationToken);
            // Kept before it is sent: whatever happens next, a retry sends this very transaction again.
            var now = timeProvider.GetUtcNow();
            await store.AddPendingAsync(pending, now, now - RetryWindow, cancellationToken);
        }

        return await PublishAsync(pending, cancellationToken);
    }

    private async Task<PendingAppend> SignAsync(StationAccount writer, LedgerEntry entry, CancellationToken cancellationToken)
    {
        await CheckChainAsync(cancellationToken);
        var data = LedgerContract.Instance.EncodeAppend(entry);
        var nonce = await node.GetPendingNonceAsync(writer.Address, cancellationToken);
        var gasPrice = await node.GetGasPriceAsync(cancellationToken);
        var estimate = await node.EstimateGasAsync(writer.Address, data, cancellationToken);
        var gas = estimate + (estimate * options.GasMarginPercent / 100);
        var (raw, hash) = writer.Sign(options.ChainId, options.ContractAddress!, data, nonce, gasPrice, gas);
        return new PendingAppend(entry, hash, raw, nonce);
    }

    /// <summary>Sends the pending transaction (again), waits until its block is confirmed and the follower has indexed or refused the entry.</summary>
    private async Task<LedgerEntry> PublishAsync(PendingAppend pending, CancellationToken cancellationToken)
    {
        var entry = pending.Entry;
        await SendAsync(pending, cancellationToken);
        EthereumLedgerLog.Sent(logger, entry.Hash, pending.TransactionHash, pending.Nonce);
        var started = Stopwatch.GetTimestamp();
        var maxPoll = options.PollInterval < MaxReceiptPoll ? options.PollInterval : MaxReceiptPoll;
        // A node that mines at once answers within milliseconds; one with block times is asked less often.
        var poll = TimeSpan.FromMilliseconds(2);
        while (true)
        {
            var receipt = await node.GetReceiptAsync(pending.TransactionHash, cancellationToken);
            if (receipt is null)
            {
                if (!await node.KnowsTransactionAsync(pending.TransactionHash, cancellationToken))
                {
                    // Dropped from the pool, or its block left the chain in a reorganisation.
                    EthereumLedgerLog.Resent(logger, pending.TransactionHash);
                    await SendAsync(pending, cancellationToken);
                }
            }
            else if (receipt.Status?.Value == 0)
            {
                await store.RemovePendingAsync(entry.Hash, cancellationToken);
                throw new EthereumNodeException($"The transaction {pending.TransactionHash} publishing entry {entry.Hash} failed on the chain (out of gas or rejected by the contract).");
            }
            else if (await node.GetBlockNumberAsync(cancellationToken) - (long)receipt.BlockNumber.Value >= options.Confirmations)
            {
                await follower.CatchUpAsync(cancellationToken);
                if (await index.FindEntryAsync(entry.Hash, cancellationToken) is { } stored)
                {
                    await store.RemovePendingAsync(entry.Hash, cancellationToken);
                    EthereumLedgerLog.Confirmed(logger, entry.Hash, stored.Position!.Value, (long)receipt.BlockNumber.Value);
                    return stored;
                }

                if (store.FindRefusal(entry.Hash, pending.TransactionHash) is { } refusal)
                {
                    await store.RemovePendingAsync(entry.Hash, cancellationToken);
                    if (refusal.Rule == LedgerRuleNames.PrevLink)
                    {
                        throw new LedgerHeadMovedException(entry.Prev, await index.GetHeadAsync(cancellationToken));
                    }

                    throw refusal;
                }
            }

            if (Stopwatch.GetElapsedTime(started) > options.ConfirmationTimeout)
            {
                throw new EthereumConfirmationTimeoutException(
                    $"Entry {entry.Hash} (transaction {pending.TransactionHash}) was not confirmed with {options.Confirmations} blocks within {options.ConfirmationTimeout}. It stays pending: appending the same entry again waits for it.");
            }

            await Task.Delay(poll, cancellationToken);
            poll = poll * 2 < maxPoll ? poll * 2 : maxPoll;
        }
    }

    private async Task SendAsync(PendingAppend pending, CancellationToken cancellationToken)
    {
        try
        {
            await node.SendRawTransactionAsync(pending.RawTransaction, cancellationToken);
        }
        catch (EthereumNodeException ex) when (ex is not EthereumNodeUnavailableException && ex.Message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase))
        {
            // Either this transaction was mined already (its receipt says so) or another used its nonce.
            if (await node.GetReceiptAsync(pending.TransactionHash, cancellationToken) is null)
            {
                EthereumLedgerLog.PendingReplaced(logger, pending.TransactionHash);
                await store.RemovePendingAsync(pending.Entry.Hash, cancellationToken);
                throw new EthereumNodeException(
                    $"The pending transaction {pending.TransactionHash} for entry {pending.Entry.Hash} can no longer be mined: its nonce was used by another transaction of this account. Append again to sign it anew.", ex);
            }
        }
    }
}
