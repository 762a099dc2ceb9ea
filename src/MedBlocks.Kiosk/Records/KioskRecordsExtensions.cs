using MedBlocks.Core.Ledger;
using MedBlocks.Core.Records;
using MedBlocks.Core.Sharing;
using MedBlocks.Ipfs.Store;
using MedBlocks.Kiosk.Options;
using MedBlocks.Ledger.Ethereum;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk.Records;

/// <summary>
/// The station's ledger and record store: by default an embedded SQLite ledger and an embedded block
/// store in the data folder; <c>Ledger:Backend</c> = Ethereum or <c>Kiosk:RecordStore</c> = Ipfs point it
/// at a shared chain or an IPFS node instead. Also registers the MedBlocks workflow over them and the
/// ledger's revoked-card lookup, which every card read consults.
/// </summary>
public static class KioskRecordsExtensions
{
    public const string LedgerFileName = "ledger.db";
    public const string StoreFolderName = "store";
    public const string IpfsSectionName = "Ipfs";

    public static WebApplicationBuilder AddKioskRecords(this WebApplicationBuilder builder, KioskOptions kiosk)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(kiosk);
        var configuration = builder.Configuration;
        var dataFolder = Path.GetFullPath(kiosk.DataFolder);
        if (string.IsNullOrWhiteSpace(configuration[LedgerServiceCollectionExtensions.SqlitePathKey]))
        {
            Directory.CreateDirectory(dataFolder);
            configuration[LedgerServiceCollectionExtensions.SqlitePathKey] = Path.Combine(dataFolder, LedgerFileName);
        }

        var services = builder.Services;
        services.AddConfiguredLedger(configuration);
        if (kiosk.RecordStore == RecordStoreKind.Ipfs)
        {
            services.AddIpfsRecordStore(o => configuration.GetSection(IpfsSectionName).Bind(o));
        }
        else
        {
            services.AddEmbeddedRecordStore(o => o.RootPath = Path.Combine(dataFolder, StoreFolderName));
        }

        services.AddSingleton(sp => new EmergencyServiceKeys([.. sp.GetRequiredService<IOptions<KioskOptions>>().Value.EmergencyServiceKeys]));
        services.AddSingleton(sp => new MedBlockService(
            sp.GetRequiredService<ILedger>(),
            sp.GetRequiredService<IRecordStore>(),
            sp.GetRequiredService<EmergencyServiceKeys>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ICardRevocationCheck>(sp => new LedgerCardRevocationCheck(sp.GetRequiredService<ILedger>()));
        return builder;
    }
}
