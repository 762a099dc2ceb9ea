using MedBlocks.Core.Ledger;
using MedBlocks.Core.Records;
using MedBlocks.Core.Sharing;
using MedBlocks.Ipfs.Store;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Clinicians;
using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Emergency;
using MedBlocks.Kiosk.Options;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Kiosk.Staff;
using MedBlocks.Kiosk.Tests.CheckIn;
using MedBlocks.Ledger;
using MedBlocks.Pcsc.Hosting;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

using MedBlocks.Kiosk.Tests.Demo;

namespace MedBlocks.Kiosk.Tests.Emergency;

/// <summary>
/// A paramedic station in process over a seeded demo site: simulated reader → tap processor (with the
/// sign-in gate) → screen events, the station's staff sign-in, the online record reader and its follower,
/// on the site's real SQLite ledger and embedded record store. The clock is fake (staff idle sign-out).
/// </summary>
internal sealed class EmergencyStationHarness : IAsyncDisposable
{
    public const string StationAddress = "11111111111111111111111111111111";

    private readonly ChannelCardEventSink sink = new();
    private readonly ConfigurationKeyProvider keys;
    private readonly CardTapProcessor processor;
    private readonly List<ScreenEvent> seen = [];
    private readonly IDisposable subscription;
    private readonly SqliteLedger sqlite;

    public EmergencyStationHarness(DemoSiteFixture site, Func<ILedger, ILedger>? ledgerFor = null, Func<IRecordStore, IRecordStore>? storeFor = null)
    {
        Site = site;
        Options = new KioskOptions
        {
            Role = KioskRole.Emergency,
            DataFolder = site.Folder,
            StaffPassword = "staff password",
            CardKeys = KioskTestKit.DevelopmentCardKeys(),
            StaffIdleTimeout = TimeSpan.FromMinutes(5),
        };
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        sqlite = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(site.Folder, "ledger.db") });
        Ledger = ledgerFor?.Invoke(sqlite) ?? sqlite;
        IRecordStore embedded = new EmbeddedRecordStore(new EmbeddedRecordStoreOptions { RootPath = Path.Combine(site.Folder, "store") });
        Store = storeFor?.Invoke(embedded) ?? embedded;
        MedBlocks = new MedBlockService(Ledger, Store, new EmergencyServiceKeys([]), Time);
        keys = new ConfigurationKeyProvider(Options.CardKeys);
        var station = new StationIdentity(StationAddress, StationRole.Emergency);
        var limiter = new PinAttemptLimiter(Time);
        Reader = new SimulatedReader(sink, site.Catalog, Time);
        Card = new CardInReader(Reader);
        Staff = new StationStaff(Card, keys, station, limiter, options, Time, NullLogger<StationStaff>.Instance);
        Directory = new ClinicianDirectory(options, NullLogger<ClinicianDirectory>.Instance);
        RecordReader = new EmergencyRecordReader(Ledger, MedBlocks, Directory, Time, NullLogger<EmergencyRecordReader>.Instance);
        Follower = new EmergencyRecordsFollower(Hub, Staff, RecordReader, Card, keys, station, limiter, Time, NullLogger<EmergencyRecordsFollower>.Instance);
        var taps = new EmergencyTapReader(keys, station, limiter, Staff, Time, NullLogger<EmergencyTapReader>.Instance, new LedgerCardRevocationCheck(Ledger));
        processor = new CardTapProcessor(sink.Reader, Card, keys, station, limiter, Hub, Time, NullLogger<CardTapProcessor>.Instance, null, taps);
        subscription = Hub.Subscribe(e =>
        {
            lock (seen)
            {
                seen.Add(e);
            }

            return Task.CompletedTask;
        });
    }

    public DemoSiteFixture Site { get; }

    public KioskOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public ScreenEventHub Hub { get; } = new();

    public ILedger Ledger { get; }

    public IRecordStore Store { get; }

    public MedBlockService MedBlocks { get; }

    public SimulatedReader Reader { get; }

    public CardInReader Card { get; }

    public StationStaff Staff { get; }

    public ClinicianDirectory Directory { get; }

    public EmergencyRecordReader RecordReader { get; }

    public EmergencyRecordsFollower Follower { get; }

    /// <param name="followRecords">False where a test publishes the records events itself.</param>
    public async Task StartAsync(bool followRecords = true)
    {
        if (followRecords)
        {
            await Follower.StartAsync(CancellationToken.None);
        }

        await processor.StartAsync(CancellationToken.None);
    }

    /// <summary>Taps the demo paramedic's staff card, signs in with the demo PIN and takes the card away.</summary>
    public async Task<StaffSession> SignInAsync(string card = "paramedic")
    {
        await TapAsync(card);
        var session = await Staff.SignInAsync(DemoPatients.Pin, CancellationToken.None);
        await RemoveAsync();
        return session;
    }

    /// <summary>Taps a demo card and waits for the tap's own screen event.</summary>
    public async Task<ScreenEvent> TapAsync(string card)
    {
        var before = Count();
        await Reader.TapAsync(card, CancellationToken.None);
        return await NextAsync(before, e => e is not (CardLeft or EmergencyRecordsRead));
    }

    /// <summary>Waits for the records event of the latest tap (the follower publishes it).</summary>
    public async Task<EmergencyRecordsRead> RecordsAsync()
    {
        await Follower.IdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        lock (seen)
        {
            return seen.OfType<EmergencyRecordsRead>().Last();
        }
    }

    public async Task RemoveAsync()
    {
        var before = Count();
        await Reader.RemoveAsync(CancellationToken.None);
        await NextAsync(before, e => e is CardLeft);
    }

    /// <summary>The access log of a demo card as stored in its image (after removal), read with K3.</summary>
    public async Task<IReadOnlyList<AccessLogRecord>> CardLogAsync(string card)
    {
        var simulated = new SimulatedDesfireCard(CardImage.Load(Site.Catalog.Find(card)!.ImagePath));
        simulated.PowerOn();
        using var reader = new PatientCardReader(new SimulatedCardTransport(simulated), keys, new StationIdentity("log reader", StationRole.Emergency), new PinAttemptLimiter(Time), Time);
        await reader.ReadForEmergencyAsync();
        var log = await reader.ReadAccessLogAsync();
        // The last record is this read's own.
        return [.. log.Take(log.Count - 1)];
    }

    public IReadOnlyList<ScreenEvent> Seen()
    {
        lock (seen)
        {
            return [.. seen];
        }
    }

    private int Count()
    {
        lock (seen)
        {
            return seen.Count;
        }
    }

    private async Task<ScreenEvent> NextAsync(int after, Func<ScreenEvent, bool> match)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            lock (seen)
            {
                if (seen.Skip(after).FirstOrDefault(match) is { } found)
                {
                    return found;
                }
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("No screen event came for the tap.");
    }

    public async ValueTask DisposeAsync()
    {
        await processor.StopAsync(CancellationToken.None);
        await Follower.StopAsync(CancellationToken.None);
        processor.Dispose();
        Follower.Dispose();
        subscription.Dispose();
        Staff.Dispose();
        Card.Dispose();
        Reader.Dispose();
        keys.Dispose();
        sqlite.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
