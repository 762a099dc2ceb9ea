using System.Text.Json;

namespace MedBlocks.SmartCards.Tests.TestSupport;

/// <summary>The public DESFire vectors (TestData/desfire-vectors.json).</summary>
internal static class DesfireVectors
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "desfire-vectors.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static JsonElement Get(string name) => Root.GetProperty(name);

    public static byte[] Bytes(this JsonElement element, string property) => Convert.FromHexString(element.GetProperty(property).GetString()!);

    public static byte[] Bytes(this JsonElement element) => Convert.FromHexString(element.GetString()!);
}
