using System.Text.Json;
using MedBlocks.Kiosk.Options;
using MedBlocks.Kiosk.Storage;
using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk.Enrolment;

/// <summary>
/// The patients' backups in <c>&lt;data&gt;/backups</c>: per patient the key file
/// (<c>&lt;address&gt;.key.json</c>, a ParticipantKeyFile) and the card content
/// (<c>&lt;address&gt;.card.json</c>), both sealed with the patient's recovery code, plus an index of
/// masked names for the re-issue list. Files are written atomically.
/// </summary>
public sealed class PatientBackups(IOptions<KioskOptions> options)
{
    private readonly Lock _lock = new();

    public string Folder => Path.Combine(Path.GetFullPath(options.Value.DataFolder), "backups");

    private string IndexPath => Path.Combine(Folder, "index.json");

    /// <summary>Newest enrolment first.</summary>
    public IReadOnlyList<PatientBackup> All()
    {
        lock (_lock)
        {
            return [.. ReadIndex().OrderByDescending(b => b.Enrolled).ThenBy(b => b.MaskedName, StringComparer.Ordinal)];
        }
    }

    public PatientBackup? Find(string address) => All().FirstOrDefault(b => b.Address == address);

    public void Save(PatientBackup backup, string keyFile, string cardContent)
    {
        ArgumentNullException.ThrowIfNull(backup);
        lock (_lock)
        {
            Directory.CreateDirectory(Folder);
            AtomicFile.WriteAllText(KeyPath(backup.Address), keyFile);
            AtomicFile.WriteAllText(ContentPath(backup.Address), cardContent);
            var index = ReadIndex();
            index.RemoveAll(b => b.Address == backup.Address);
            index.Add(backup);
            AtomicFile.WriteAllText(IndexPath, JsonSerializer.Serialize(index));
        }
    }

    /// <summary>Records the serial of the patient's new card after a re-issue.</summary>
    public void UpdateSerial(string address, string serial)
    {
        lock (_lock)
        {
            var index = ReadIndex();
            var at = index.FindIndex(b => b.Address == address);
            if (at >= 0)
            {
                index[at] = index[at] with { CurrentSerial = serial };
                AtomicFile.WriteAllText(IndexPath, JsonSerializer.Serialize(index));
            }
        }
    }

    /// <summary>Removes a backup written for an enrolment that did not complete.</summary>
    public void Remove(string address)
    {
        lock (_lock)
        {
            File.Delete(KeyPath(address));
            File.Delete(ContentPath(address));
            var index = ReadIndex();
            if (index.RemoveAll(b => b.Address == address) > 0)
            {
                AtomicFile.WriteAllText(IndexPath, JsonSerializer.Serialize(index));
            }
        }
    }

    public string ReadKeyFile(string address) => File.ReadAllText(KeyPath(address));

    public string ReadCardContent(string address) => File.ReadAllText(ContentPath(address));

    private string KeyPath(string address) => Path.Combine(Folder, RequireAddress(address) + ".key.json");

    private string ContentPath(string address) => Path.Combine(Folder, RequireAddress(address) + ".card.json");

    private static string RequireAddress(string address) =>
        MedBlocks.Core.Participants.Ed25519Address.IsValid(address) ? address : throw new ArgumentException("Not a ledger address.", nameof(address));

    private List<PatientBackup> ReadIndex() =>
        File.Exists(IndexPath) ? JsonSerializer.Deserialize<List<PatientBackup>>(File.ReadAllText(IndexPath)) ?? [] : [];
}
