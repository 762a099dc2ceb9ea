using System.Text.Json;
using MedBlocks.Kiosk.Options;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Card;
using Microsoft.Extensions.Options;
using MedBlocks.Kiosk.Storage;

namespace MedBlocks.Kiosk.Simulation;

/// <summary>The demo cards in <c>&lt;data&gt;/cards</c>: an index file plus one card image per card.</summary>
public sealed class DemoCardCatalog(IOptions<KioskOptions> options)
{
    private readonly Lock _lock = new();

    public string Folder => Path.Combine(Path.GetFullPath(options.Value.DataFolder), "cards");

    private string IndexPath => Path.Combine(Folder, "index.json");

    public IReadOnlyList<DemoCard> Cards
    {
        get
        {
            lock (_lock)
            {
                if (!File.Exists(IndexPath))
                {
                    return [];
                }

                var entries = JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(IndexPath)) ?? [];
                return [.. entries.Select(e => new DemoCard(e.Id, e.Label, Path.Combine(Folder, e.Id + ".json")))];
            }
        }
    }

    public DemoCard? Find(string id) => Cards.FirstOrDefault(c => c.Id == id);

    /// <summary>Adds a card image (replacing one with the same id), written atomically.</summary>
    public DemoCard Add(string id, string label, DesfireCardState state)
    {
        lock (_lock)
        {
            Directory.CreateDirectory(Folder);
            var card = new DemoCard(id, label, Path.Combine(Folder, id + ".json"));
            AtomicFile.WriteAllText(card.ImagePath, CardImage.Serialize(state));
            var entries = File.Exists(IndexPath) ? JsonSerializer.Deserialize<List<Entry>>(File.ReadAllText(IndexPath)) ?? [] : [];
            entries.RemoveAll(e => e.Id == id);
            entries.Add(new Entry(id, label));
            AtomicFile.WriteAllText(IndexPath, JsonSerializer.Serialize(entries));
            return card;
        }
    }

    public void Save(DemoCard card, DesfireCardState state)
    {
        ArgumentNullException.ThrowIfNull(card);
        lock (_lock)
        {
            AtomicFile.WriteAllText(card.ImagePath, CardImage.Serialize(state));
        }
    }

    private sealed record Entry(string Id, string Label);
}
