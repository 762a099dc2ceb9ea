using System.Text.Json;
using MedBlocks.Core.Participants;

namespace MedBlocks.Cli.Hosting;

/// <summary>Reads the public address a key file carries in the clear, without its passphrase.</summary>
internal static class KeyFileAddress
{
    public static string Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"No key file at {path}; name a patient with --patient or a key file with --key.", ExitCodes.NotFound);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.TryGetProperty("address", out var address)
                && address.ValueKind == JsonValueKind.String
                && Ed25519Address.IsValid(address.GetString()))
            {
                return address.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Reported below with the path.
        }

        throw new CliException($"The key file {path} does not name a valid address.", ExitCodes.Integrity);
    }
}
