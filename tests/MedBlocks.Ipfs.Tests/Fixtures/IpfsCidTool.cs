using System.Diagnostics;
using System.Text.Json;

namespace MedBlocks.Ipfs.Tests.Fixtures;

/// <summary>Runs the Debian tool <c>ipfs_cid FILE</c> (package ipfs-cid), an independent implementation of <c>ipfs add</c>'s DAG.</summary>
internal static class IpfsCidTool
{
    public sealed record Result(string CidV0, string CidV1);

    public static Result Run(string file)
    {
        var tool = Find() ?? throw new InvalidOperationException(
            "ipfs_cid was not found on PATH. Install the Debian package: apt-get install -y ipfs-cid");
        var start = new ProcessStartInfo(tool, [file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            throw new TimeoutException($"ipfs_cid {file} did not finish in 120 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ipfs_cid exited with {process.ExitCode}: {stderr.Result}");
        }

        using var json = JsonDocument.Parse(stdout);
        return new Result(json.RootElement.GetProperty("CIDv0").GetString()!, json.RootElement.GetProperty("CIDv1").GetString()!);
    }

    private static string? Find()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, "ipfs_cid");
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
