using MedBlocks.Core.Ledger;
using MedBlocks.Core.Sharing;
using MedBlocks.Ipfs.Store;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.CheckIn;
using MedBlocks.Kiosk.Clinicians;
using MedBlocks.Kiosk.Options;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Ledger;
using MedBlocks.Pcsc.Hosting;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MedBlocks.Kiosk.Tests.CheckIn;

/// <summary>
/// A check-in station in process over a data folder (seeded or not): simulated reader → tap processor
/// (revocations from the ledger) → screen events, and the consent service on the folder's real SQLite
/// ledger and embedded store. The screens' clock is fake; <see cref="AddTo"/> registers what the
/// check-in screen injects, for bUnit.
/// </summary>
internal sealed class CheckInStationHarness : IAsyncDisposable
{
    public const string StationAddress = "22222222222222222222222222222222";

    private readonly ChannelCardEventSink sink = new();
    private readonly ConfigurationKeyProvider keys;
    private readonly CardTapProcessor processor;
    private readonly SqliteLedger sqlite;
    private readonly DemoCardCatalog catalog;

    public CheckInStationHarness(string folder, Func<ILedger, ILedger>? ledgerFor = null)
    {
        Options = new KioskOptions
        {
            Role = KioskRole.CheckIn,
            DataFolder = folder,
            IdleTimeout = TimeSpan.FromSeconds(30),
            StaffPassword = "staff password",
            CardKeys = KioskTestKit.DevelopmentCardKeys(),
        };
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        catalog = new DemoCardCatalog(options);
        sqlite = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(folder, "ledger.db") });
        Ledger = ledgerFor?.Invoke(sqlite) ?? sqlite;
        var store = new EmbeddedRecordStore(new EmbeddedRecordStoreOptions { RootPath = Path.Combine(folder, "store") });
        var medBlocks = new MedBlockService(Ledger, store, new EmergencyServiceKeys([]), TimeProvider.System);
        keys = new ConfigurationKeyProvider(Options.CardKeys);
        var station = new StationIdentity(StationAddress, StationRole.CheckIn);
        var limiter = new PinAttemptLimiter(Time);
        var revocations = new LedgerCardRevocationCheck(Ledger);
        Reader = new SimulatedReader(sink, catalog, TimeProvider.System);
        Card = new CardInReader(Reader);
        Directory = new ClinicianDirectory(options, NullLogger<ClinicianDirectory>.Instance);
        Arrivals = new ArrivalLog(options, Time);
        Consent = new ConsentService(Ledger, medBlocks, Directory, Card, keys, station, limiter, Time, NullLogger<ConsentService>.Instance, revocations);
        processor = new CardTapProcessor(sink.Reader, Card, keys, station, limiter, Hub, Time, NullLogger<CardTapProcessor>.Instance, revocations);
    }

    public KioskOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public ScreenEventHub Hub { get; } = new();

    public ILedger Ledger { get; }

    public SimulatedReader Reader { get; }

    public CardInReader Card { get; }

    public ClinicianDirectory Directory { get; }

    public ArrivalLog Arrivals { get; }

    public ConsentService Consent { get; }

    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton(Hub);
        services.AddSingleton(Arrivals);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        services.AddSingleton(Consent);
        services.AddLogging();
    }

    public Task StartAsync() => processor.StartAsync(CancellationToken.None);

    public Task TapAsync(string card) => Reader.TapAsync(card, CancellationToken.None);

    public Task RemoveAsync() => Reader.RemoveAsync(CancellationToken.None);

    /// <summary>The grants on the ledger, as (MedBlock, grantee) pairs.</summary>
    public async Task<IReadOnlyList<(string MedBlock, string Grantee)>> GrantsAsync()
    {
        var grants = new List<(string, string)>();
        await foreach (var entry in Ledger.ReadSinceAsync(0))
        {
            if (entry.Kind == LedgerEntryKinds.Grant)
            {
                grants.Add((entry.Body.GetProperty("medblock").GetString()!, entry.Body.GetProperty("grantee").GetString()!));
            }
        }

        return grants;
    }

    public async ValueTask DisposeAsync()
    {
        await processor.StopAsync(CancellationToken.None);
        processor.Dispose();
        Card.Dispose();
        Reader.Dispose();
        keys.Dispose();
        sqlite.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
