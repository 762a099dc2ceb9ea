using System.Text.Json;
using System.Text.Json.Serialization;
using MedBlocks.Core.Participants;

namespace MedBlocks.Cli.Hosting;

/// <summary>The station's settings file: the emergency services' pinned addresses.</summary>
internal sealed class CliSettings
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    [JsonPropertyName("emergencyKeys")]
    public List<string> EmergencyKeys { get; init; } = [];

    public static CliSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            return new CliSettings();
        }

        CliSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<CliSettings>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new CliException($"The settings file {path} is not valid JSON: {e.Message}");
        }

        settings ??= new CliSettings();
        foreach (var address in settings.EmergencyKeys)
        {
            if (!Ed25519Address.IsValid(address))
            {
                throw new CliException($"The settings file {path} pins {address}, which is not a MedBlocks address.");
            }
        }

        return settings;
    }

    public void Save(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, JsonOptions));
        File.Move(temporary, path, overwrite: true);
    }
}
