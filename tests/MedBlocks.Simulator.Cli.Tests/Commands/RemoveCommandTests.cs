using System.Globalization;

namespace MedBlocks.Simulator.Cli.Tests.Commands;

public sealed class RemoveCommandTests
{
    [Fact]
    public async Task Remove_EmptySlot_FailsWithMessage()
    {
        using var run = new CliRun();

        Assert.Equal(1, await run.RunAsync("remove", "--slot", "1"));

        Assert.Equal("error: no card in slot 1.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Remove_StalePidFile_TreatedAsEmptyAndCleaned()
    {
        using var run = new CliRun();
        Directory.CreateDirectory(run.RuntimeDirectory);
        var pidFile = Path.Combine(run.RuntimeDirectory, "slot0.pid");

        // Pids above the kernel's pid_max never belong to a live process.
        await File.WriteAllTextAsync(pidFile, (int.MaxValue - 1).ToString(CultureInfo.InvariantCulture));

        Assert.Equal(1, await run.RunAsync("remove", "--slot", "0"));
        Assert.False(File.Exists(pidFile));
    }
}
