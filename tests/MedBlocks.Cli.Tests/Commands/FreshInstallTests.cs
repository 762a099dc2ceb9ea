using System.Diagnostics;

namespace MedBlocks.Cli.Tests.Commands;

/// <summary>The built program on a machine with nothing set up: help and clear errors, never a stack trace.</summary>
public sealed class FreshInstallTests : IDisposable
{
    private readonly string home = Path.Combine(Path.GetTempPath(), "medblocks-fresh-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task NoArguments_ShowsHelpAndSucceeds()
    {
        var (exitCode, output, error) = await RunProgramAsync();

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("participant", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public async Task Info_WithoutKeyFile_SaysHowToStartInOneLine()
    {
        var (exitCode, output, error) = await RunProgramAsync("info");

        Assert.Equal(3, exitCode);
        Assert.Equal(string.Empty, output);
        var line = Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: No key file at ", line, StringComparison.Ordinal);
        Assert.Contains("participant create", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageErrorWithoutStackTrace()
    {
        var (exitCode, _, error) = await RunProgramAsync("frobnicate");

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(home))
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private async Task<(int ExitCode, string Output, string Error)> RunProgramAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "medblocks.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MEDBLOCKS_HOME"] = home;
        start.Environment.Remove("MEDBLOCKS_PASSPHRASE");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
