using System.Globalization;
using MedBlocks.Simulator.Cli.Hosting;

namespace MedBlocks.Simulator.Cli.Tests.Hosting;

public sealed class SlotDirectoryTests
{
    [Fact]
    public void Resolve_OverrideThenXdgThenTemp_InThatOrder()
    {
        Assert.Equal("/x/run", SlotDirectory.Resolve(n => n == SlotDirectory.OverrideVariable ? "/x/run" : "/xdg").Path);
        Assert.Equal("/xdg/medblocks-sim", SlotDirectory.Resolve(n => n == "XDG_RUNTIME_DIR" ? "/xdg" : null).Path);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "medblocks-sim"), SlotDirectory.Resolve(_ => null).Path);
    }

    [Fact]
    public void ClaimAndRelease_ThisProcess_PidFileWrittenThenRemoved()
    {
        using var run = new CliRun();
        var slots = new SlotDirectory(run.RuntimeDirectory);

        slots.Claim(2);
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), File.ReadAllText(slots.PidFile(2)));
        Assert.Equal(Environment.ProcessId, slots.ReadOwner(2));

        slots.Release(2);
        Assert.Null(slots.ReadOwner(2));
        Assert.False(File.Exists(slots.PidFile(2)));
    }

    [Fact]
    public void Claim_SlotHeldByAnotherLiveProcess_Refused()
    {
        using var run = new CliRun();
        var slots = new SlotDirectory(run.RuntimeDirectory);
        Directory.CreateDirectory(run.RuntimeDirectory);

        // pid 1 is always alive.
        File.WriteAllText(slots.PidFile(0), "1");

        var error = Assert.Throws<InvalidOperationException>(() => slots.Claim(0));
        Assert.Contains("pid 1", error.Message, StringComparison.Ordinal);
    }
}
