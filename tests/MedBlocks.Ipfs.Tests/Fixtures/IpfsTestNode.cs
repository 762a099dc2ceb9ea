using System.Diagnostics;
using MedBlocks.Ipfs.Rpc;
using MedBlocks.Ipfs.Store;
using Microsoft.Extensions.DependencyInjection;

namespace MedBlocks.Ipfs.Tests.Fixtures;

/// <summary>
/// A real js-ipfs node started from <c>tests/ipfs-node/start-node.sh</c>: offline, RPC on 127.0.0.1 at a
/// random port, its own repository in a temporary folder, stopped by its process id. It installs
/// nothing: <c>tests/tools/install-test-deps.sh</c> runs <c>npm ci</c> there.
/// </summary>
internal sealed class IpfsTestNode : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    private IpfsTestNode(string repoPath, Uri apiUrl, int pid)
    {
        RepoPath = repoPath;
        ApiUrl = apiUrl;
        Pid = pid;
    }

    public string RepoPath { get; }

    public Uri ApiUrl { get; }

    public int Pid { get; }

    public static string NodeDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "ipfs-node");
                if (File.Exists(Path.Combine(candidate, "start-node.sh")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("tests/ipfs-node/start-node.sh not found above " + AppContext.BaseDirectory);
        }
    }

    public static async Task<IpfsTestNode> StartAsync()
    {
        var directory = NodeDirectory;
        if (!File.Exists(Path.Combine(directory, "node_modules", "ipfs", "src", "cli.js")))
        {
            throw new InvalidOperationException($"js-ipfs is not installed in {directory}; run tests/tools/install-test-deps.sh.");
        }

        var repo = Directory.CreateTempSubdirectory("medblocks-ipfs-node-").FullName;
        var start = new ProcessStartInfo("bash", [Path.Combine(directory, "start-node.sh"), repo])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        var url = (await output).Trim();
        if (process.ExitCode != 0 || !Uri.TryCreate(url, UriKind.Absolute, out var api))
        {
            throw new InvalidOperationException($"The IPFS test node did not start: {await error}");
        }

        var pid = int.Parse(File.ReadAllText(Path.Combine(repo, "daemon.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return new IpfsTestNode(repo, api, pid);
    }

    /// <summary>A client of this node through the same registration the product uses.</summary>
    public KuboRpcClient CreateClient(Action<IpfsNodeOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKuboRpcClient(o =>
        {
            o.ApiUrl = ApiUrl;
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        lock (_providers)
        {
            _providers.Add(provider);
        }

        return provider.GetRequiredService<KuboRpcClient>();
    }

    /// <summary>Stops the daemon (SIGINT, then SIGKILL after 10 s) by its pid.</summary>
    public async Task StopAsync()
    {
        Process daemon;
        try
        {
            daemon = Process.GetProcessById(Pid);
        }
        catch (ArgumentException)
        {
            return;
        }

        using (daemon)
        {
            using (var kill = Process.Start("kill", ["-INT", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await daemon.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                daemon.Kill();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        try
        {
            Directory.Delete(RepoPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
