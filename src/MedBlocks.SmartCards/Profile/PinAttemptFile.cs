using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Wrong-PIN counts in a small JSON file, so that the limit and its growing delays hold across runs of a command
/// line tool: <c>{"v":1,"cards":{"&lt;serial&gt;":{"failures":n,"lastFailure":"…","lockedUntil":"…"}}}</c>. It holds
/// card serials, counts and times only, never a PIN or key. Every change is made under an exclusive lock file
/// (<c>&lt;path&gt;.lock</c>, shared by every process using the file) and written to a new file that replaces the old
/// one, so a reader sees the old or the new counts, never a torn file.
/// </summary>
public sealed class PinAttemptFile : IPinAttemptStore
{
    private const int Version = 1;
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LockRetry = TimeSpan.FromMilliseconds(20);
    private readonly Lock _lock = new();

    /// <param name="path">The file; created with its folder on the first wrong PIN.</param>
    public PinAttemptFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <exception cref="InvalidDataException">The file is not a wrong-PIN count file.</exception>
    public PinAttemptRecord? Find(string cardSerial) =>
        Load().TryGetValue(cardSerial, out var record) ? record : null;

    /// <exception cref="InvalidDataException">The file is not a wrong-PIN count file; it is left as it is.</exception>
    /// <exception cref="IOException">The lock file stayed taken by another process, or the file could not be written.</exception>
    public void Update(Action<IDictionary<string, PinAttemptRecord>> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            using var gate = AcquireLockFile();
            var records = Load();
            change(records);
            Save(records);
        }
    }

    private FileStream AcquireLockFile()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var waited = TimeSpan.Zero;
        while (true)
        {
            try
            {
                return new FileStream(Path + ".lock", OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (waited < LockWait)
            {
                Thread.Sleep(LockRetry);
                waited += LockRetry;
            }
        }
    }

    private Dictionary<string, PinAttemptRecord> Load()
    {
        var records = new Dictionary<string, PinAttemptRecord>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path);
        }
        catch (FileNotFoundException)
        {
            return records;
        }
        catch (DirectoryNotFoundException)
        {
            return records;
        }

        try
        {
            var root = JsonNode.Parse(bytes)?.AsObject() ?? throw Damaged();
            if (root["v"]?.GetValue<int>() != Version || root["cards"] is not JsonObject cards)
            {
                throw Damaged();
            }

            foreach (var (serial, value) in cards)
            {
                var card = value?.AsObject() ?? throw Damaged();
                var failures = card["failures"]?.GetValue<int>() ?? 0;
                if (serial.Length is 0 or > 32 || failures < 1)
                {
                    throw Damaged();
                }

                records[serial] = new PinAttemptRecord(failures, Time(card["lastFailure"]), Time(card["lockedUntil"]));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Damaged(e);
        }

        return records;
    }

    private void Save(Dictionary<string, PinAttemptRecord> records)
    {
        var cards = new JsonObject();
        foreach (var (serial, record) in records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            cards[serial] = new JsonObject
            {
                ["failures"] = record.Failures,
                ["lastFailure"] = Utc(record.LastFailure),
                ["lockedUntil"] = Utc(record.LockedUntil),
            };
        }

        var temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, OwnerOnly(FileMode.CreateNew, FileAccess.Write, FileShare.None)))
            {
                using (var writer = new Utf8JsonWriter(stream))
                {
                    new JsonObject { ["v"] = Version, ["cards"] = cards }.WriteTo(writer);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(JsonNode? node) =>
        DateTimeOffset.ParseExact(node?.GetValue<string>() ?? throw new FormatException("A time is missing."), "O", CultureInfo.InvariantCulture);

    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows() && mode is FileMode.CreateNew or FileMode.OpenOrCreate)
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private InvalidDataException Damaged(Exception? inner = null) =>
        new($"The wrong-PIN count file {Path} is damaged; an operator must check it (deleting it clears every card's count).", inner);
}
