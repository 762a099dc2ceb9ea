using System.Security.Cryptography;
using System.Text.Json;
using MedBlocks.Cli.Hosting;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Tests.Fixtures;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Cli.Tests.Commands;

/// <summary>The command line with records on a real IPFS node (js-ipfs, started and stopped by these tests).</summary>
public sealed class IpfsStoreWorkflowTests : IAsyncLifetime, IDisposable
{
    private readonly CliHarness cli = new();
    private IpfsTestNode? node;

    private IpfsTestNode Node => node!;

    public async Task InitializeAsync() => node = await IpfsTestNode.StartAsync();

    public async Task DisposeAsync()
    {
        if (node is not null)
        {
            await node.DisposeAsync();
        }
    }

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Workflow_WithTheIpfsStoreSelected_KeepsRecordsOnTheNode()
    {
        UseIpfs();
        var lab = await cli.CreateParticipantAsync("lab", "lab");
        var patient = await cli.CreateParticipantAsync("patient", "patient");
        var doctor = await cli.CreateParticipantAsync("doctor", "practitioner");
        var content = RandomNumberGenerator.GetBytes((3 * 262144) + 17);
        var record = Path.Combine(cli.Home, "scan.bin");
        await File.WriteAllBytesAsync(record, content);

        var added = JsonDocument.Parse((await cli.RunOkAsync("add", record, "--patient", patient, "--key", cli.KeyFile("lab"), "--json")).Output).RootElement;
        var hash = added.GetProperty("hash").GetString()!;
        var cid = Cid.Parse(added.GetProperty("cid").GetString()!);

        Assert.True(await Node.CreateClient().IsPinnedAsync(cid));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(cli.Home, "store"), "*.data", SearchOption.AllDirectories));
        Assert.Equal(content, (await cli.RunOkAsync("get", hash, "--key", cli.KeyFile("patient"))).BinaryOutput);
        await cli.RunOkAsync("permit", hash, "--to", doctor, "--key", cli.KeyFile("patient"));
        Assert.Equal(content, (await cli.RunOkAsync("get", hash, "--key", cli.KeyFile("doctor"))).BinaryOutput);
        Assert.Contains(hash, (await cli.RunOkAsync("list", "--patient", patient)).Output, StringComparison.Ordinal);
        Assert.NotEqual(lab, patient);
        await cli.RunOkAsync("ledger", "verify");
    }

    [Fact]
    public async Task PushVerifyPull_CopyTheEmbeddedStoreToTheNodeAndBack()
    {
        var patient = await cli.CreateParticipantAsync("patient", "patient");
        var cids = new List<string>();
        foreach (var size in new[] { 100, (174 * 262144) + 1 })
        {
            var record = Path.Combine(cli.Home, $"record-{size}.bin");
            await File.WriteAllBytesAsync(record, RandomNumberGenerator.GetBytes(size));
            var added = JsonDocument.Parse((await cli.RunOkAsync("add", record, "--patient", patient, "--key", cli.KeyFile("patient"), "--json")).Output).RootElement;
            cids.Add(added.GetProperty("cid").GetString()!);
        }

        var api = Node.ApiUrl.ToString();
        var first = JsonDocument.Parse((await cli.RunOkAsync("store", "push", "--api", api, "--json")).Output).RootElement;
        var second = JsonDocument.Parse((await cli.RunOkAsync("store", "push", "--api", api, "--json")).Output).RootElement;
        var verified = JsonDocument.Parse((await cli.RunOkAsync("store", "verify", "--node", "--api", api, "--json")).Output).RootElement;
        var third = await cli.RunOkAsync("store", "push", "--api", api);

        Assert.Equal(cids.Order(StringComparer.Ordinal), first.GetProperty("pushed").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(0, second.GetProperty("pushed").GetArrayLength());
        Assert.Equal(2, second.GetProperty("skipped").GetArrayLength());
        Assert.True(verified.GetProperty("intact").GetBoolean());
        Assert.Equal(2, verified.GetProperty("records").GetInt32());
        Assert.Equal("0 record(s) copied, 2 already on the node.", third.Output.Trim());
        Assert.Contains($"[2/2] {cids.Order(StringComparer.Ordinal).Last()} already on the node", third.Error, StringComparison.Ordinal);

        // A record added since is the only one copied, with the node's progress shown.
        var later = Path.Combine(cli.Home, "later.bin");
        await File.WriteAllBytesAsync(later, RandomNumberGenerator.GetBytes(1024 * 1024));
        await cli.RunOkAsync("add", later, "--patient", patient, "--key", cli.KeyFile("patient"));
        var fourth = await cli.RunOkAsync("store", "push", "--api", api);
        Assert.Equal("1 record(s) copied, 2 already on the node.", fourth.Output.Trim());
        Assert.Contains(" MiB", fourth.Error, StringComparison.Ordinal);
        Assert.Contains("copied, pinned", fourth.Error, StringComparison.Ordinal);

        // A second station pulls one record from the node into its own embedded store.
        using var station = new CliHarness();
        var pulled = await station.RunOkAsync("store", "pull", cids[1], "--api", api);
        Assert.Equal(3, JsonDocument.Parse((await cli.RunOkAsync("store", "verify", "--node", "--api", api, "--json")).Output).RootElement.GetProperty("records").GetInt32());
        Assert.Contains(cids[1], pulled.Output, StringComparison.Ordinal);
        var local = JsonDocument.Parse((await station.RunOkAsync("store", "verify", "--json")).Output).RootElement;
        Assert.Equal(1, local.GetProperty("records").GetInt32());
        Assert.True(local.GetProperty("blocks").GetInt32() > 175, "175 leaves and more, two interior nodes and a root");
    }

    [Fact]
    public async Task StoreVerify_DamagedBlock_ExitsWithIntegrityAndNamesIt()
    {
        var patient = await cli.CreateParticipantAsync("patient", "patient");
        var record = Path.Combine(cli.Home, "r.bin");
        await File.WriteAllBytesAsync(record, RandomNumberGenerator.GetBytes(1000));
        await cli.RunOkAsync("add", record, "--patient", patient, "--key", cli.KeyFile("patient"));
        var block = Directory.EnumerateFiles(Path.Combine(cli.Home, "store"), "*.data", SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(block);
        bytes[10] ^= 1;
        await File.WriteAllBytesAsync(block, bytes);

        var run = await cli.RunAsync("store", "verify");
        var push = await cli.RunAsync("store", "push", "--api", Node.ApiUrl.ToString());

        Assert.Equal(ExitCodes.Integrity, run.ExitCode);
        Assert.Contains(Path.GetFileName(block), run.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Integrity, push.ExitCode);
    }

    [Fact]
    public async Task Pull_MissingCid_TimesOutNamingIt()
    {
        cli.SetEnvironment(RecordStoreSelection.TimeoutVariable, "2");
        var missing = CidCalculator.Compute(RandomNumberGenerator.GetBytes(64)).ToString();

        var run = await cli.RunAsync("store", "pull", missing, "--api", Node.ApiUrl.ToString()).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.Contains("within 2 s", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_NodeStopped_FailsClearlyAndAppendsNothingToTheLedger()
    {
        UseIpfs();
        var patient = await cli.CreateParticipantAsync("patient", "patient");
        var record = Path.Combine(cli.Home, "r.bin");
        await File.WriteAllBytesAsync(record, RandomNumberGenerator.GetBytes(5000));
        var before = JsonDocument.Parse((await cli.RunOkAsync("ledger", "verify", "--json")).Output).RootElement.GetProperty("entryCount").GetInt64();

        await Node.StopAsync();
        var run = await cli.RunAsync("add", record, "--patient", patient, "--key", cli.KeyFile("patient"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains("could not be reached", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        var after = JsonDocument.Parse((await cli.RunOkAsync("ledger", "verify", "--json")).Output).RootElement;
        Assert.Equal(before, after.GetProperty("entryCount").GetInt64());
        Assert.Equal(0, JsonDocument.Parse((await cli.RunOkAsync("list", "--patient", patient, "--json")).Output).RootElement.GetProperty("medBlocks").GetArrayLength());
    }

    private void UseIpfs()
    {
        cli.SetEnvironment(RecordStoreSelection.StoreVariable, "ipfs");
        cli.SetEnvironment(RecordStoreSelection.ApiVariable, Node.ApiUrl.ToString());
        cli.SetEnvironment(RecordStoreSelection.TimeoutVariable, "5");
    }
}
