using System.Globalization;

namespace MedBlocks.Simulator.Cli.Hosting;

/// <summary>
/// Where a running <c>insert</c> leaves its pid per slot (<c>slotN.pid</c>), so <c>remove --slot N</c>
/// can signal it: MEDBLOCKS_SIM_RUNTIME_DIR, else $XDG_RUNTIME_DIR/medblocks-sim, else /tmp/medblocks-sim.
/// </summary>
internal sealed class SlotDirectory(string path)
{
    public const string OverrideVariable = "MEDBLOCKS_SIM_RUNTIME_DIR";

    public string Path => path;

    public static SlotDirectory Resolve(Func<string, string?> environment)
    {
        var explicitPath = environment(OverrideVariable);
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return new SlotDirectory(explicitPath);
        }

        var runtime = environment("XDG_RUNTIME_DIR");
        return new SlotDirectory(System.IO.Path.Combine(string.IsNullOrEmpty(runtime) ? System.IO.Path.GetTempPath() : runtime, "medblocks-sim"));
    }

    public string PidFile(int slot) => System.IO.Path.Combine(path, string.Create(CultureInfo.InvariantCulture, $"slot{slot}.pid"));

    /// <summary>Claims the slot for this process; fails when a live process holds it.</summary>
    public void Claim(int slot)
    {
        Directory.CreateDirectory(path);
        if (ReadOwner(slot) is { } owner && owner != Environment.ProcessId)
        {
            throw new InvalidOperationException($"Slot {slot} already holds a card (medblocks-sim pid {owner}); run 'medblocks-sim remove --slot {slot}' first.");
        }

        File.WriteAllText(PidFile(slot), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Releases the slot if this process still holds it.</summary>
    public void Release(int slot)
    {
        if (ReadOwner(slot) == Environment.ProcessId)
        {
            File.Delete(PidFile(slot));
        }
    }

    /// <summary>The live process that holds the slot; a stale pid file is removed.</summary>
    public int? ReadOwner(int slot)
    {
        var file = PidFile(slot);
        if (!File.Exists(file))
        {
            return null;
        }

        if (!int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || !IsAlive(pid))
        {
            File.Delete(file);
            return null;
        }

        return pid;
    }

    private static bool IsAlive(int pid) => Directory.Exists(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}")) || ProcessExists(pid);

    private static bool ProcessExists(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
