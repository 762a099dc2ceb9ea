using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace MedBlocks.Benchmarks.Kiosk;

/// <summary>
/// What one end-to-end run of a station measured: every tap's latencies and the kiosk process's
/// resident set at chosen tap counts. Kept per station role for the summary columns and written to a
/// results file.
/// </summary>
internal sealed class KioskRunFigures(string role)
{
    private static readonly ConcurrentDictionary<string, KioskRunFigures> Runs = new();
    private readonly List<TapLatency> _taps = [];
    private readonly SortedDictionary<int, long> _residentKiB = [];

    public string Role { get; } = role;

    /// <summary>Taps so far, warm-up included (the count the resident-set samples refer to).</summary>
    public int TapCount { get; private set; }

    /// <summary>Taps whose latencies count (after the warm-up).</summary>
    public int MeasuredCount => _taps.Count;

    public static KioskRunFigures Start(string role) => Runs[role] = new KioskRunFigures(role);

    public static KioskRunFigures? Find(string role) => Runs.GetValueOrDefault(role);

    public void AddWarmUpTap() => TapCount++;

    public void AddTap(TapLatency latency)
    {
        TapCount++;
        _taps.Add(latency);
    }

    public void AddResidentSet(int tapCount, long kib) => _residentKiB[tapCount] = kib;

    public long? ResidentKiBAt(int tapCount) => _residentKiB.TryGetValue(tapCount, out var kib) ? kib : null;

    public double CardEventToDom(double quantile) => Quantile(_taps.Select(t => t.CardEventToDom), quantile);

    public double CardEventToFrame(double quantile) => Quantile(_taps.Select(t => t.CardEventToFrame), quantile);

    public double ClickToDom(double quantile) => Quantile(_taps.Select(t => t.ClickToDom), quantile);

    /// <summary>Nearest-rank quantile (the median of an even count is the lower middle value).</summary>
    public static double Quantile(IEnumerable<double> values, double quantile)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    /// <summary>Writes the summary and every tap's latencies under <paramref name="folder"/>; returns the summary file's path.</summary>
    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var c = CultureInfo.InvariantCulture;
        var summary = new StringBuilder()
            .AppendLine(c, $"role: {Role}")
            .AppendLine(c, $"measured taps: {MeasuredCount} (after {TapCount - MeasuredCount} warm-up taps)")
            .AppendLine(c, $"card event -> DOM ms: median {CardEventToDom(0.5):F1}, p95 {CardEventToDom(0.95):F1}, max {CardEventToDom(1):F1}")
            .AppendLine(c, $"card event -> next animation frame ms: median {CardEventToFrame(0.5):F1}, p95 {CardEventToFrame(0.95):F1}, max {CardEventToFrame(1):F1}")
            .AppendLine(c, $"click -> DOM ms (upper bound): median {ClickToDom(0.5):F1}, p95 {ClickToDom(0.95):F1}, max {ClickToDom(1):F1}");
        foreach (var (count, kib) in _residentKiB)
        {
            summary.AppendLine(c, $"VmRSS after tap {count}: {kib} kB ({kib / 1024.0:F1} MiB)");
        }

        var path = Path.Combine(folder, $"kiosk-end-to-end-{Role}.txt");
        File.WriteAllText(path, summary.ToString());
        var taps = new StringBuilder().AppendLine("tap,card_event_to_dom_ms,card_event_to_frame_ms,click_to_dom_ms");
        for (var i = 0; i < _taps.Count; i++)
        {
            taps.AppendLine(c, $"{i + 1},{_taps[i].CardEventToDom:F3},{_taps[i].CardEventToFrame:F3},{_taps[i].ClickToDom:F3}");
        }

        File.WriteAllText(Path.Combine(folder, $"kiosk-end-to-end-{Role}-taps.csv"), taps.ToString());
        return path;
    }
}
