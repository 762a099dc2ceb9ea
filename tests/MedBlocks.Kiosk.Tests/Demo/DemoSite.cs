using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Options;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Kiosk.Tests.CheckIn;

namespace MedBlocks.Kiosk.Tests.Demo;

/// <summary>Seeds the demo site (cards, ledger, records, directory) into a data folder, as the host does on first start.</summary>
internal static class DemoSite
{
    public static Task<DemoCardCatalog> SeedAsync(string dataFolder, CancellationToken cancellationToken = default) =>
        DemoSeeder.SeedFolderAsync(new KioskOptions { DataFolder = dataFolder, CardKeys = KioskTestKit.DevelopmentCardKeys() }, cancellationToken);
}
