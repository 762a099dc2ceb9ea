namespace MedBlocks.Core.Tests;

/// <summary>Reads the committed outputs of Legacy/Fixtures/make-fixtures.sh.</summary>
internal static class LegacyFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Legacy", "Fixtures", name);

    public static string ReadText(string name) => File.ReadAllText(Path(name));

    public static byte[] ReadBytes(string name) => File.ReadAllBytes(Path(name));
}
