using MedBlocks.Ipfs.Store;
using MedBlocks.Kiosk.Clinicians;
using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Options;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Kiosk.Tests.CheckIn;
using MedBlocks.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedBlocks.Kiosk.Tests.Demo;

/// <summary>Seeds the demo site (cards, ledger, records, directory) into a data folder, as the host does on first start.</summary>
internal static class DemoSite
{
    public static async Task<DemoCardCatalog> SeedAsync(string dataFolder, CancellationToken cancellationToken = default)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new KioskOptions { DataFolder = dataFolder, CardKeys = KioskTestKit.DevelopmentCardKeys() });
        var catalog = new DemoCardCatalog(options);
        Directory.CreateDirectory(dataFolder);
        using (var ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(dataFolder, "ledger.db") }))
        {
            var store = new EmbeddedRecordStore(new EmbeddedRecordStoreOptions { RootPath = Path.Combine(dataFolder, "store") });
            var directory = new ClinicianDirectory(options, NullLogger<ClinicianDirectory>.Instance);
            await new DemoSeeder(catalog, directory, ledger, store, options, TimeProvider.System, NullLogger<DemoSeeder>.Instance).SeedAsync(cancellationToken);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return catalog;
    }
}
