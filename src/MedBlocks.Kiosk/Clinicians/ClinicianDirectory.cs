using System.Text.Json;
using MedBlocks.Core.Participants;
using MedBlocks.Kiosk.Options;
using MedBlocks.Kiosk.Storage;
using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk.Clinicians;

/// <summary>
/// The site's clinicians patients may grant access to, from <c>&lt;data&gt;/clinicians.json</c>
/// (an array of <c>{"name","department","address"}</c>, kept by the site's administrators). Read on
/// each use, so an edited file needs no restart; entries with an invalid address are left out.
/// </summary>
public sealed partial class ClinicianDirectory(IOptions<KioskOptions> options, ILogger<ClinicianDirectory> logger)
{
    public const string FileName = "clinicians.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string FilePath => Path.Combine(Path.GetFullPath(options.Value.DataFolder), FileName);

    /// <summary>The directory in file order; empty when the site has none.</summary>
    public IReadOnlyList<Clinician> All()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        try
        {
            var entries = JsonSerializer.Deserialize<List<Clinician>>(File.ReadAllText(FilePath), Json) ?? [];
            var valid = entries.Where(c => !string.IsNullOrWhiteSpace(c.Name) && c.Address is not null && Ed25519Address.IsValid(c.Address)).ToList();
            if (valid.Count != entries.Count)
            {
                Log.InvalidEntries(logger, entries.Count - valid.Count);
            }

            return valid;
        }
        catch (JsonException e)
        {
            Log.Unreadable(logger, e.Message);
            return [];
        }
    }

    public Clinician? Find(string address) => All().FirstOrDefault(c => string.Equals(c.Address, address, StringComparison.Ordinal));

    /// <summary>Replaces the directory file atomically.</summary>
    public void Save(IEnumerable<Clinician> clinicians)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        AtomicFile.WriteAllText(FilePath, JsonSerializer.Serialize(clinicians.ToList(), Json));
    }

    private static partial class Log
    {
        [LoggerMessage(300, LogLevel.Warning, "Clinician directory: {Count} entries without a name or a valid address left out")]
        public static partial void InvalidEntries(ILogger logger, int count);

        [LoggerMessage(301, LogLevel.Error, "Clinician directory file unreadable: {Reason}")]
        public static partial void Unreadable(ILogger logger, string reason);
    }
}
