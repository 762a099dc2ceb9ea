using System.Text.Json;

namespace MedBlocks.Simulator.Tests.Support;

/// <summary>The public DESFire vectors, copied into TestData.</summary>
internal static class TestVectors
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "desfire-vectors.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static string Get(params object[] path)
    {
        var element = Root;
        foreach (var step in path)
        {
            element = step is int index ? element[index] : element.GetProperty((string)step);
        }

        return element.GetString()!;
    }
}
