using System.Text.Encodings.Web;
using System.Text.Json;

namespace MedBlocks.Cli.Hosting;

/// <summary>JSON output for scripts: camelCase, indented, one document per command.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync<T>(CliConsole console, T value) =>
        console.Out.WriteLineAsync(JsonSerializer.Serialize(value, Options));
}
