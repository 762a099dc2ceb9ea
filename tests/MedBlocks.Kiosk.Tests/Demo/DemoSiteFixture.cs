using MedBlocks.Kiosk.Simulation;

namespace MedBlocks.Kiosk.Tests.Demo;

/// <summary>One seeded demo site (ledger, store, cards, directory) shared by a test class.</summary>
public sealed class DemoSiteFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("kiosk-site-").FullName;

    internal DemoCardCatalog Catalog { get; private set; } = null!;

    public async Task InitializeAsync() => Catalog = await DemoSite.SeedAsync(Folder);

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
