using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MedBlocks.Ledger.Ethereum;

namespace MedBlocks.Ledger.Tests.Ethereum;

/// <summary>
/// A real anvil node from <c>tests/anvil</c> (npm <c>@foundry-rs/anvil-linux-amd64</c>, installed by
/// <c>tests/tools/install-test-deps.sh</c>) on 127.0.0.1 at a port it picks, stopped by its process id.
/// </summary>
/// <remarks>Also compiled into the benchmarks; the xunit side is in <c>AnvilTests.cs</c>.</remarks>
public sealed partial class AnvilNode : IDisposable
{
    public const long ChainId = 31337;

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly DateTimeOffset? genesis;
    private Process? process;
    private int requestId;

    /// <param name="genesis">The first block's time (blocks follow in real time from there); null for now.</param>
    internal AnvilNode(DateTimeOffset? genesis)
    {
        this.genesis = genesis;
    }

    public Uri Url { get; private set; } = null!;

    public int ProcessId => process?.Id ?? 0;

    public static string BinaryPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "anvil", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("anvil is not installed under tests/anvil; run tests/tools/install-test-deps.sh.");
        }
    }

    public async Task InitializeAsync()
    {
        List<string> arguments = ["--host", "127.0.0.1", "--port", "0", "--chain-id", ChainId.ToString(CultureInfo.InvariantCulture), "--accounts", "1"];
        if (genesis is { } time)
        {
            arguments.AddRange(["--timestamp", time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)]);
        }

        var start = new ProcessStartInfo(BinaryPath, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("anvil did not start.");
        _ = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("anvil exited before listening.");
            const string listening = "Listening on ";
            if (line.StartsWith(listening, StringComparison.Ordinal))
            {
                Url = new Uri("http://" + line[listening.Length..].Trim());
                break;
            }
        }

        // Keep reading so anvil never blocks on a full pipe.
        _ = DrainAsync(process.StandardOutput);
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        Dispose();
    }

    public void Dispose()
    {
        process?.Dispose();
        http.Dispose();
    }

    /// <summary>A new random account key with 100 ether.</summary>
    public async Task<string> NewFundedAccountKeyAsync()
    {
        var key = "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var address = new Nethereum.Signer.EthECKey(key).GetPublicAddress();
        await RpcAsync("anvil_setBalance", address, "0x56bc75e2d63100000");
        return key;
    }

    /// <summary>Deploys a fresh ledger contract through the product's deployment code.</summary>
    public async Task<DeployedLedgerContract> DeployAsync()
    {
        var key = await NewFundedAccountKeyAsync();
        return await LedgerContractDeployment.DeployAsync(Url, ChainId, key, TimeSpan.FromSeconds(30));
    }

    public async Task<long> BlockNumberAsync() => ParseQuantity(await RpcAsync("eth_blockNumber"))!;

    public Task MineAsync(int blocks = 1) => RpcAsync("anvil_mine", "0x" + blocks.ToString("x", CultureInfo.InvariantCulture));

    public Task SetAutomineAsync(bool on) => RpcAsync("evm_setAutomine", on);

    public async Task<string> SnapshotAsync() => (await RpcAsync("evm_snapshot"))!.GetValue<string>();

    public async Task RevertAsync(string snapshot)
    {
        if (!(await RpcAsync("evm_revert", snapshot))!.GetValue<bool>())
        {
            throw new InvalidOperationException($"anvil could not revert to snapshot {snapshot}.");
        }
    }

    /// <summary>Replaces the newest <paramref name="depth"/> blocks with empty ones (anvil_reorg).</summary>
    public Task ReorgAsync(int depth) => RpcAsync("anvil_reorg", depth, new JsonArray());

    /// <summary>The contract's logs, filtered by party and entry-hash topics when given (0x hex), via a raw eth_getLogs.</summary>
    public async Task<JsonArray> LogsAsync(string contract, string? partyTopic = null, string? entryHashTopic = null)
    {
        var filter = new JsonObject
        {
            ["address"] = contract,
            ["fromBlock"] = "0x0",
            ["toBlock"] = "latest",
            ["topics"] = new JsonArray(null, partyTopic, entryHashTopic),
        };
        return (await RpcAsync("eth_getLogs", filter))!.AsArray();
    }

    /// <summary>One JSON-RPC call; the result, which is null for an answer of null.</summary>
    public async Task<JsonNode?> RpcAsync(string method, params object?[] parameters)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref requestId),
            ["method"] = method,
            ["params"] = JsonSerializer.SerializeToNode(parameters),
        };
        using var response = await http.PostAsJsonAsync(Url, request);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException("empty answer");
        if (body["error"] is { } error)
        {
            throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        }

        return body["result"];
    }

    public static long ParseQuantity(JsonNode? node) => Convert.ToInt64(node!.GetValue<string>(), 16);

    private static async Task DrainAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        try
        {
            while (await reader.ReadAsync(buffer) > 0)
            {
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
