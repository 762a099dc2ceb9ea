using System.Text.Json;
using MedBlocks.Kiosk.Options;
using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk.CheckIn;

/// <summary>
/// Today's arrivals, kept locally in <c>&lt;data&gt;/arrivals-YYYY-MM-DD.jsonl</c> (one JSON line each,
/// appended). Ticket numbers start at 1 each day.
/// </summary>
public sealed class ArrivalLog(IOptions<KioskOptions> options, TimeProvider time)
{
    private readonly Lock _lock = new();

    public Arrival Record(string maskedName, int birthYear, string address)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var today = ReadDay(now);
            var arrival = new Arrival(today.Count == 0 ? 1 : today.Max(a => a.Ticket) + 1, now, maskedName, birthYear, address);
            var path = PathOf(now);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.AppendAllText(path, JsonSerializer.Serialize(arrival) + "\n");
            return arrival;
        }
    }

    public IReadOnlyList<Arrival> Today()
    {
        lock (_lock)
        {
            return ReadDay(time.GetUtcNow());
        }
    }

    private List<Arrival> ReadDay(DateTimeOffset day)
    {
        var path = PathOf(day);
        if (!File.Exists(path))
        {
            return [];
        }

        var arrivals = new List<Arrival>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize<Arrival>(line) is { } arrival)
                {
                    arrivals.Add(arrival);
                }
            }
            catch (JsonException)
            {
                // A line torn by a power cut: the rest of the day is still listed.
            }
        }

        return arrivals;
    }

    private string PathOf(DateTimeOffset day) =>
        Path.Combine(Path.GetFullPath(options.Value.DataFolder), $"arrivals-{day.UtcDateTime:yyyy-MM-dd}.jsonl");
}
