using System.Globalization;

namespace MedBlocks.Benchmarks.Kiosk;

/// <summary>A process's resident set as the kernel reports it (VmRSS in /proc/&lt;pid&gt;/status).</summary>
internal static class ProcessMemory
{
    public static long ResidentKiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No VmRSS in /proc/{pid}/status.");
    }
}
