using MedBlocks.Core.Ledger;
using MedBlocks.Kiosk.Tests.Demo;
using MedBlocks.Ledger;
using MedBlocks.Kiosk.Cards;
using MedBlocks.Kiosk.Demo;
using MedBlocks.Kiosk.Simulation;
using MedBlocks.Kiosk.Tests.CheckIn;
using MedBlocks.Pcsc.Hosting;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedBlocks.Kiosk.Tests.Cards;

/// <summary>The card side in process: simulated reader → card event channel → tap processor → screen events.</summary>
public sealed class CardTapProcessorTests : IAsyncLifetime
{
    private static readonly CardKeyOptions Keys = KioskTestKit.DevelopmentCardKeys();

    private readonly string folder = Directory.CreateTempSubdirectory("kiosk-tap-").FullName;
    private DemoCardCatalog catalog = null!;

    public async Task InitializeAsync()
    {
        catalog = await DemoSite.SeedAsync(folder);
    }

    [Fact]
    public async Task CheckIn_LostCardRevokedOnTheLedger_ShowsRevoked_CurrentCardGreets()
    {
        using var ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Path.Combine(folder, "ledger.db") });
        var lost = await TapAsync(StationRole.CheckIn, new LedgerCardRevocationCheck(ledger), DemoSeeder.RevokedCardId);
        var current = await TapAsync(StationRole.CheckIn, new LedgerCardRevocationCheck(ledger), "omar");

        Assert.Equal(CardProblemKind.Revoked, Assert.IsType<CardProblem>(lost[0]).Kind);
        Assert.Equal("Omar H.", Assert.IsType<PatientGreeted>(current[0]).MaskedName);
    }

    [Fact]
    public async Task CheckIn_RevokedOnLedger_ShowsRevoked()
    {
        var events = await TapAsync(StationRole.CheckIn, new RevokeAll(), "jenny");

        Assert.Equal(CardProblemKind.Revoked, Assert.IsType<CardProblem>(events[0]).Kind);
    }

    [Fact]
    public async Task CheckIn_NotRevoked_GreetsMaskedThenCardLeft()
    {
        var events = await TapAsync(StationRole.CheckIn, null, "jenny");

        var greeted = Assert.IsType<PatientGreeted>(events[0]);
        Assert.Equal(("Jenny T.", 2003), (greeted.MaskedName, greeted.BirthYear));
        Assert.IsType<CardLeft>(events[1]);
    }

    [Fact]
    public async Task Emergency_WithoutTheSignInGate_ReadsNoSummary()
    {
        // Signed-in reads, staff cards and refusals at a paramedic station: Emergency/EmergencyTapTests.
        var omar = await TapAsync(StationRole.Emergency, null, "omar");

        Assert.IsType<MedBlocks.Kiosk.Emergency.EmergencySignInRequired>(omar[0]);
    }

    private async Task<List<ScreenEvent>> TapAsync(StationRole role, ICardRevocationCheck? revocations, string card)
    {
        var sink = new ChannelCardEventSink();
        using var reader = new SimulatedReader(sink, catalog, TimeProvider.System);
        using var keys = new ConfigurationKeyProvider(Keys);
        var hub = new ScreenEventHub();
        var seen = new List<ScreenEvent>();
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = hub.Subscribe(e =>
        {
            lock (seen)
            {
                seen.Add(e);
                first.TrySetResult();
                if (e is CardLeft)
                {
                    done.TrySetResult();
                }
            }

            return Task.CompletedTask;
        });
        using var inReader = new CardInReader(reader);
        using var processor = new CardTapProcessor(sink.Reader, inReader, keys, new StationIdentity("11111111111111111111111111111111", role),
            new PinAttemptLimiter(TimeProvider.System), hub, TimeProvider.System, NullLogger<CardTapProcessor>.Instance, revocations);
        await processor.StartAsync(CancellationToken.None);
        await reader.TapAsync(card, CancellationToken.None);
        // Removal only after the read's screen event, so the read is not cut short.
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await reader.RemoveAsync(CancellationToken.None);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await processor.StopAsync(CancellationToken.None);
        return seen;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private sealed class RevokeAll : ICardRevocationCheck
    {
        public ValueTask<CardRevocationReason?> GetRevocationAsync(string patientAddress, string cardSerial, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<CardRevocationReason?>(CardRevocationReason.Lost);
    }
}
