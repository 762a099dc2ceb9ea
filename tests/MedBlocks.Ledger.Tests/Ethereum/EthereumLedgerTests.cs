using MedBlocks.Core.Ledger;
using MedBlocks.Ledger.Ethereum;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MedBlocks.Ledger.Tests.Ethereum;

/// <summary>What only the chain-backed ledger does: events and topics, catching up, refusing bad events, confirmations, reorganisations, an unreachable node.</summary>
[Collection(AnvilTests.Name)]
public sealed class EthereumLedgerTests(AnvilNode node) : IAsyncLifetime
{
    private readonly LedgerCast cast = new();
    private readonly List<IAsyncDisposable> hosts = [];
    private readonly List<IDisposable> ledgers = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var ledger in ledgers)
        {
            ledger.Dispose();
        }

        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task AppendAsync_EachEntry_IsOneEventWithPartyAndHashTopics()
    {
        var (ledger, station) = await OpenStationAsync();
        await cast.DeclareParticipantsAsync(ledger);
        var medBlock = await ledger.AppendAsync(cast.Lab, LedgerCast.MedBlockFor(cast.Patient, "bafkreiemergency", true));
        await ledger.AppendAsync(cast.Patient, new KeyGrant(medBlock.Hash, cast.Practitioner.Address, TestRsaKeys.Wrapped(3)));
        await ledger.AppendAsync(cast.Lab, LedgerCast.MedBlockFor(cast.OtherPatient, "bafkreiother"));
        await ledger.AppendAsync(cast.Emergency, new EmergencyAccess(medBlock.Hash, cast.Patient.Address, "cardiac arrest"));

        var all = await node.LogsAsync(station.Contract.Address);
        Assert.Equal(10, all.Count);
        var entries = await ledger.ReadSinceAsync(0).ToListAsync();
        for (var i = 0; i < entries.Count; i++)
        {
            var topics = all[i]!["topics"]!.AsArray();
            Assert.Equal("0x" + entries[i].Hash, topics[2]!.GetValue<string>());
            Assert.Contains(Convert.ToHexStringLower(entries[i].CanonicalBytes.Span), all[i]!["data"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // A node answers "this patient's events" by topic: the identity, the two medblocks' grant, and so on.
        var patientTopic = LedgerContract.PartyTopic(cast.Patient.Address).ToHex(true);
        var patientLogs = await node.LogsAsync(station.Contract.Address, patientTopic);
        var patientHashes = patientLogs.Select(l => l!["topics"]![2]!.GetValue<string>()[2..]).ToList();
        var expected = entries.Where(e => LedgerContract.PartyOf(e) == cast.Patient.Address).Select(e => e.Hash).ToList();
        Assert.Equal(expected, patientHashes);
        Assert.Equal(4, patientHashes.Count);
        Assert.Single(await node.LogsAsync(station.Contract.Address, entryHashTopic: "0x" + medBlock.Hash));
    }

    [Fact]
    public async Task NewStation_EmptyIndex_CatchesUpFromTheChainAndAgrees()
    {
        var (writer, station) = await OpenStationAsync();
        await cast.DeclareParticipantsAsync(writer);
        var medBlock = await writer.AppendAsync(cast.Lab, LedgerCast.MedBlockFor(cast.Patient, "bafkreia", false, cast.Lab));
        await writer.AppendAsync(cast.Patient, new KeyGrant(medBlock.Hash, cast.Practitioner.Address, TestRsaKeys.Wrapped(3)));

        var (reader, _) = await OpenStationAsync(station.Contract, readOnly: true);
        Assert.Equal(0, (await reader.GetHeadAsync()).Position);
        var sync = await reader.CatchUpAsync();

        Assert.Equal(8, sync.Indexed);
        Assert.Equal(0, sync.Refused);
        Assert.Equal(await writer.GetHeadAsync(), await reader.GetHeadAsync());
        Assert.Equal(
            (await writer.ReadSinceAsync(0).ToListAsync()).Select(e => e.ToCanonicalString()),
            (await reader.ReadSinceAsync(0).ToListAsync()).Select(e => e.ToCanonicalString()));
        Assert.Equal(await writer.GetPatientMedBlocksAsync(cast.Patient.Address), await reader.GetPatientMedBlocksAsync(cast.Patient.Address), new MedBlockViewComparer());
        Assert.True((await reader.VerifyAsync()).IsValid);
        await Assert.ThrowsAsync<InvalidOperationException>(() => reader.AppendAsync(cast.Patient, new Refusal(medBlock.Hash)));
    }

    [Fact]
    public async Task Restart_ExistingIndex_ReadsOnlyTheBlocksSinceItStopped()
    {
        var (writer, station) = await OpenStationAsync();
        await cast.DeclareParticipantsAsync(writer);
        var (reader, readerStation) = await OpenStationAsync(station.Contract, readOnly: true);
        await reader.CatchUpAsync();
        reader.Dispose();
        ledgers.Remove(reader);

        var before = await node.BlockNumberAsync();
        var medBlock = await writer.AppendAsync(cast.Lab, LedgerCast.MedBlockFor(cast.Patient, "bafkreia"));
        await writer.AppendAsync(cast.Patient, new Refusal(medBlock.Hash));
        var after = await node.BlockNumberAsync();

        var restarted = await readerStation.OpenLedgerAsync(cast.Clock);
        ledgers.Add(restarted);
        Assert.Equal(6, (await restarted.GetHeadAsync()).Position);
        var sync = await restarted.CatchUpAsync();

        Assert.Equal(after - before, sync.BlocksRead);
        Assert.Equal(2, sync.Indexed);
        Assert.True((await restarted.GetMedBlockAsync(medBlock.Hash))!.Refused);
        Assert.Equal(await writer.GetHeadAsync(), await restarted.GetHeadAsync());
        Assert.Equal(0, (await restarted.CatchUpAsync()).Indexed);
    }

    [Fact]
    public async Task Follower_EventsThatFailChecks_AreRefusedByEveryReader()
    {
        var (ledger, station) = await OpenStationAsync();
        await cast.DeclareParticipantsAsync(ledger);
        var head = await ledger.GetHeadAsync();
        var outsider = await ChainWriter.CreateAsync(node, station.Contract.Address);
        var time = head.Time!.Value;

        // Not JSON at all.
        await outsider.CallAsync(LedgerEntryKinds.MedBlock, LedgerContract.PartyTopic(cast.Patient.Address), new byte[32], "not an entry"u8.ToArray());
        // A medblock signed by someone other than its author.
        var genuine = LedgerEntryFactory.Create(cast.Lab, head.Hash, time, LedgerCast.MedBlockFor(cast.Patient, "bafkreiforged"));
        var forged = LedgerEntry.Create(genuine.Prev, genuine.Author, genuine.Time, genuine.Kind, genuine.Body, Convert.ToBase64String(cast.Stranger.Sign(genuine.GetSignedBytes())));
        await PublishRawAsync(outsider, forged);
        // A good entry under the wrong party topic.
        var misfiled = LedgerEntryFactory.Create(cast.Lab, head.Hash, time, LedgerCast.MedBlockFor(cast.Patient, "bafkreimisfiled"));
        await outsider.CallAsync(LedgerEntryKinds.MedBlock, LedgerContract.PartyTopic(cast.OtherPatient.Address), Convert.FromHexString(misfiled.Hash), misfiled.CanonicalBytes.ToArray());
        // A grant of a MedBlock that does not exist.
        var stolenGrant = LedgerEntryFactory.Create(cast.Lab, head.Hash, time, new KeyGrant(new string('a', 64), cast.Lab.Address, TestRsaKeys.Wrapped(3)));
        await PublishRawAsync(outsider, stolenGrant);
        // A medblock stamped two days ahead of its block.
        var future = LedgerEntryFactory.Create(cast.Lab, head.Hash, time.AddDays(2), LedgerCast.MedBlockFor(cast.Patient, "bafkreifuture"));
        await PublishRawAsync(outsider, future);
        // A good entry, then one that links to the same head (it lost the race).
        var good = LedgerEntryFactory.Create(cast.Lab, head.Hash, time, LedgerCast.MedBlockFor(cast.Patient, "bafkreigood"));
        await PublishRawAsync(outsider, good);
        var late = LedgerEntryFactory.Create(cast.Practitioner, head.Hash, time, LedgerCast.MedBlockFor(cast.Patient, "bafkreilate"));
        await PublishRawAsync(outsider, late);

        var sync = await ledger.CatchUpAsync();

        Assert.Equal(1, sync.Indexed);
        Assert.Equal(6, sync.Refused);
        Assert.Equal(6, ledger.RefusedEventCount);
        Assert.Equal(new LedgerHead(7, good.Hash, good.Time), await ledger.GetHeadAsync());
        Assert.Equal(["bafkreigood"], (await ledger.GetPatientMedBlocksAsync(cast.Patient.Address)).Select(v => v.Cid));
        var verification = await ledger.VerifyAsync();
        Assert.True(verification.IsValid, verification.ToString());

        var (second, _) = await OpenStationAsync(station.Contract, readOnly: true);
        await second.CatchUpAsync();
        Assert.Equal(await ledger.GetHeadAsync(), await second.GetHeadAsync());
        Assert.Equal(6, second.RefusedEventCount);
    }

    [Fact]
    public async Task AppendAsync_Confirmations_ReportedOnlyAfterThatManyBlocks()
    {
        var (ledger, station) = await OpenStationAsync(confirmations: 3);
        using var mining = new CancellationTokenSource();
        var miner = Task.Run(async () =>
        {
            while (!mining.IsCancellationRequested)
            {
                await node.MineAsync();
                await Task.Delay(30);
            }
        });
        try
        {
            await cast.DeclareParticipantsAsync(ledger);
            var entry = await ledger.AppendAsync(cast.Lab, LedgerCast.MedBlockFor(cast.Patient, "bafkreiconfirmed"));
            var reportedAt = await node.BlockNumberAsync();
            var location = ledger.GetLocation(entry.Position!.Value)!;
            Assert.True(reportedAt >= location.BlockNumber + 3, $"reported at block {reportedAt}, mined in {location.BlockNumber}");
        }
        finally
        {
            await mining.CancelAsync();
            await miner;
        }

        // Nothing mines on top: the append gives up, keeps its transaction, and a retry reports the same single entry.
        station.Configure = o => o.ConfirmationTimeout = TimeSpan.FromMilliseconds(800);
        ledger.Dispose();
        ledgers.Remove(ledger);
        var impatient = await station.OpenLedgerAsync(cast.Clock);
        ledgers.Add(impatient);
        var head = await impatient.GetHeadAsync();
        var refusal = new LedgerEntryFactory(cast.Clock).Create(cast.Patient, head, new Refusal((await impatient.ReadSinceAsync(6).FirstAsync()).Hash));

        var timeout = await Assert.ThrowsAsync<EthereumConfirmationTimeoutException>(() => impatient.AppendAsync(refusal));
        Assert.Contains(refusal.Hash, timeout.Message, StringComparison.Ordinal);
        Assert.Equal(head, await impatient.GetHeadAsync());

        await node.MineAsync(3);
        var stored = await impatient.AppendAsync(refusal);
        Assert.Equal(8, stored.Position);
        Assert.Single(await node.LogsAsync(station.Contract.Address, entryHashTopic: "0x" + refusal.Hash));
    }

    [Fact]
    public async Task CatchUpAsync_AfterSnapshotRevert_CutsTheOrphanedEntryAndReadsTheNewChain()
    {
        var (ledger, station) = await OpenStationAsync();
        await cast.DeclareParticipantsAsync(ledger);
        var snapshot = await node.SnapshotAsync();
        var orphan = await ledger.AppendAsync(cast.Lab, LedgerCast.MedBlockFor(cast.Patient, "bafkreiorphan"));
        Assert.Equal(7, orphan.Position);

        await node.RevertAsync(snapshot);
        await node.MineAsync(2);
        var sync = await ledger.CatchUpAsync();

        Assert.Equal(1, sync.Reorganisations);
        Assert.Equal(1, sync.EntriesCut);
        Assert.Equal(6, (await ledger.GetHeadAsync()).Position);
        Assert.Empty(await ledger.GetPatientMedBlocksAsync(cast.Patient.Address));
        Assert.Null(ledger.GetLocation(7));

        // The same entry is published again on the new chain and read back at its old position.
        var again = await ledger.AppendAsync(orphan);
        Assert.Equal(7, again.Position);
        Assert.Equal(orphan.Hash, again.Hash);
        var next = await ledger.AppendAsync(cast.Patient, new Refusal(orphan.Hash));
        Assert.Equal(8, next.Position);
        Assert.True((await ledger.VerifyAsync()).IsValid);

        var (fresh, _) = await OpenStationAsync(station.Contract, readOnly: true);
        await fresh.CatchUpAsync();
        Assert.Equal(await ledger.GetHeadAsync(), await fresh.GetHeadAsync());
    }

    [Fact]
    public async Task AppendAsync_BlockOrphanedWhileConfirming_SendsTheTransactionAgainAndReportsOnce()
    {
        var (writer, station) = await OpenStationAsync();
        await cast.DeclareParticipantsAsync(writer);
        var (ledger, _) = await OpenStationAsync(station.Contract, confirmations: 2);
        await node.MineAsync(2);
        await ledger.CatchUpAsync();
        var entry = new LedgerEntryFactory(cast.Clock).Create(cast.Lab, await ledger.GetHeadAsync(), LedgerCast.MedBlockFor(cast.Patient, "bafkreireorged"));
        var snapshot = await node.SnapshotAsync();
        var forkBlock = await node.BlockNumberAsync();

        var append = ledger.AppendAsync(entry);
        while ((await node.LogsAsync(station.Contract.Address, entryHashTopic: "0x" + entry.Hash)).Count == 0)
        {
            await Task.Delay(10);
        }

        // Its block leaves the chain before it has two blocks on top; the transaction goes with it.
        await node.RevertAsync(snapshot);
        Assert.Empty(await node.LogsAsync(station.Contract.Address, entryHashTopic: "0x" + entry.Hash));
        while (!append.IsCompleted)
        {
            await node.MineAsync();
            await Task.Delay(50);
        }

        var stored = await append;
        Assert.Equal(7, stored.Position);
        Assert.Single(await node.LogsAsync(station.Contract.Address, entryHashTopic: "0x" + entry.Hash));
        Assert.True(ledger.GetLocation(7)!.BlockNumber > forkBlock);
        Assert.True((await ledger.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task Follower_InAHost_KeepsTheIndexCaughtUp()
    {
        var (writer, station) = await OpenStationAsync();
        var readerIndex = new TempLedgerFile();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ledger:Backend"] = "Ethereum",
            ["Ledger:Ethereum:NodeUrl"] = node.Url.ToString(),
            ["Ledger:Ethereum:ChainId"] = AnvilNode.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ledger:Ethereum:ContractAddress"] = station.Contract.Address,
            ["Ledger:Ethereum:DeploymentBlock"] = station.Contract.Block.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ledger:Ethereum:Confirmations"] = "0",
            ["Ledger:Ethereum:IndexPath"] = readerIndex.Path,
            ["Ledger:Ethereum:PollInterval"] = "00:00:00.100",
        });
        builder.Services.AddConfiguredLedger(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var ledger = host.Services.GetRequiredService<ILedger>();
            await cast.DeclareParticipantsAsync(writer);
            var expected = await writer.GetHeadAsync();
            for (var wait = 0; wait < 100 && (await ledger.GetHeadAsync()) != expected; wait++)
            {
                await Task.Delay(50);
            }

            Assert.Equal(expected, await ledger.GetHeadAsync());
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
            readerIndex.Dispose();
        }
    }

    [Fact]
    public async Task CatchUpAsync_AfterAnvilReorg_DropsEntriesOfReplacedBlocks()
    {
        var (ledger, _) = await OpenStationAsync();
        await cast.DeclareParticipantsAsync(ledger);
        var medBlock = await ledger.AppendAsync(cast.Lab, LedgerCast.MedBlockFor(cast.Patient, "bafkreione"));
        await ledger.AppendAsync(cast.Patient, new Refusal(medBlock.Hash));
        Assert.Equal(8, (await ledger.GetHeadAsync()).Position);

        await node.ReorgAsync(2);
        var sync = await ledger.CatchUpAsync();

        Assert.Equal(1, sync.Reorganisations);
        Assert.Equal(2, sync.EntriesCut);
        Assert.Equal(6, (await ledger.GetHeadAsync()).Position);
        Assert.Null(await ledger.GetMedBlockAsync(medBlock.Hash));
        var verification = await ledger.VerifyAsync();
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(6, verification.EntryCount);
    }

    [Fact]
    public async Task AppendAsync_NodeUnreachable_ThrowsTypedErrorAndIndexStillAnswers()
    {
        var (writer, station) = await OpenStationAsync();
        await cast.DeclareParticipantsAsync(writer);
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (offline, offlineStation) = await OpenStationAsync(station.Contract);
        await offline.CatchUpAsync();
        offline.Dispose();
        ledgers.Remove(offline);
        offlineStation.Configure = o => o.NodeUrl = new Uri($"http://127.0.0.1:{closedPort}");
        offline = await offlineStation.OpenLedgerAsync(cast.Clock);
        ledgers.Add(offline);

        var error = await Assert.ThrowsAsync<EthereumNodeUnavailableException>(
            () => offline.AppendAsync(cast.Lab, LedgerCast.MedBlockFor(cast.Patient, "bafkreioffline")));
        Assert.Contains($"127.0.0.1:{closedPort}", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<EthereumNodeUnavailableException>(() => offline.CatchUpAsync());
        Assert.Equal(6, (await offline.GetHeadAsync()).Position);
        Assert.Equal(Core.Participants.ParticipantRole.Lab, (await offline.GetParticipantAsync(cast.Lab.Address))!.Role);
    }

    [Fact]
    public async Task AppendAsync_AnswerLostAfterSend_RetryAppendsTheEntryOnce()
    {
        var network = new FlakyNetwork();
        using var http = new HttpClient(network) { Timeout = TimeSpan.FromSeconds(10) };
        var (ledger, station) = await OpenStationAsync(httpClient: http);
        await cast.DeclareParticipantsAsync(ledger);

        // The same entry, retried after the answer to its transaction was lost.
        var entry = new LedgerEntryFactory(cast.Clock).Create(cast.Lab, await ledger.GetHeadAsync(), LedgerCast.MedBlockFor(cast.Patient, "bafkreilost"));
        network.LoseNextSendAnswer = true;
        await Assert.ThrowsAsync<EthereumNodeUnavailableException>(() => ledger.AppendAsync(entry));
        var sends = network.SendsReachingNode;
        var stored = await ledger.AppendAsync(entry);
        Assert.Equal(7, stored.Position);
        Assert.Single(await node.LogsAsync(station.Contract.Address, entryHashTopic: "0x" + entry.Hash));

        // The signer-based append retried with the same body completes the pending one instead of signing another.
        network.LoseNextSendAnswer = true;
        var grant = new KeyGrant(stored.Hash, cast.Practitioner.Address, TestRsaKeys.Wrapped(6));
        await Assert.ThrowsAsync<EthereumNodeUnavailableException>(() => ledger.AppendAsync(cast.Patient, grant));
        network.Down = true;
        await Assert.ThrowsAsync<EthereumNodeUnavailableException>(() => ledger.AppendAsync(cast.Patient, grant));
        network.Down = false;
        var granted = await ledger.AppendAsync(cast.Patient, grant);
        Assert.Equal(8, granted.Position);
        Assert.True(network.SendsReachingNode > sends);
        Assert.Equal(8, (await node.LogsAsync(station.Contract.Address)).Count);
        Assert.Equal(0, ledger.RefusedEventCount);
    }

    [Fact]
    public async Task TwoStations_AppendingAtOnce_BothLandOnOneChain()
    {
        var (first, station) = await OpenStationAsync();
        await cast.DeclareParticipantsAsync(first);
        var (second, _) = await OpenStationAsync(station.Contract);
        await second.CatchUpAsync();

        var a = Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await first.AppendAsync(cast.Lab, LedgerCast.MedBlockFor(cast.Patient, $"bafkreilab{i}"));
            }
        });
        var b = Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await second.AppendAsync(cast.Practitioner, LedgerCast.MedBlockFor(cast.Patient, $"bafkreipractitioner{i}"));
            }
        });
        await Task.WhenAll(a, b);
        await first.CatchUpAsync();
        await second.CatchUpAsync();

        Assert.Equal(16, (await first.GetHeadAsync()).Position);
        Assert.Equal(await first.GetHeadAsync(), await second.GetHeadAsync());
        Assert.Equal(10, (await second.GetPatientMedBlocksAsync(cast.Patient.Address)).Count);
        Assert.True((await second.VerifyAsync()).IsValid);
        Assert.Equal(first.RefusedEventCount, second.RefusedEventCount);
    }

    private static async Task PublishRawAsync(ChainWriter writer, LedgerEntry entry) =>
        await writer.CallAsync(entry.Kind, LedgerContract.PartyTopic(LedgerContract.PartyOf(entry)), Convert.FromHexString(entry.Hash), entry.CanonicalBytes.ToArray());

    private async Task<(EthereumLedger Ledger, EthereumStation Station)> OpenStationAsync(
        DeployedLedgerContract? contract = null, bool readOnly = false, int confirmations = 0, HttpClient? httpClient = null)
    {
        var station = new EthereumStation(node, contract, confirmations, httpClient);
        hosts.Add(station);
        if (readOnly)
        {
            station.Configure = o => o.AccountKey = null;
        }

        var ledger = await station.OpenLedgerAsync(cast.Clock);
        ledgers.Add(ledger);
        return (ledger, station);
    }

    private sealed class MedBlockViewComparer : IEqualityComparer<MedBlockView>
    {
        public bool Equals(MedBlockView? x, MedBlockView? y) =>
            x is not null && y is not null && x with { Keys = y.Keys } == y && x.Keys.OrderBy(k => k.Key).SequenceEqual(y.Keys.OrderBy(k => k.Key));

        public int GetHashCode(MedBlockView obj) => obj.Hash.GetHashCode(StringComparison.Ordinal);
    }
}
