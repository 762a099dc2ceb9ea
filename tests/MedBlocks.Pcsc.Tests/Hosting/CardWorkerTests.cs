using System.Threading.Channels;
using MedBlocks.Pcsc.Hosting;
using MedBlocks.Pcsc.Tests.TestDoubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MedBlocks.Pcsc.Tests.Hosting;

public sealed class CardWorkerTests
{
    private const string Picc = "ACS ACR1252 PICC 00 00";
    private const string Sam = "ACS ACR1252 SAM 00 01";
    private static readonly byte[] Uid = [0x04, 0x12, 0x34, 0x56, 0x78, 0x9A, 0x80];
    private static readonly byte[] Atr = [0x3B, 0x81, 0x80, 0x01, 0x80, 0x80];

    private static Func<PcscReaderState[], uint> Insert(string reader, uint counter) => states =>
    {
        foreach (var s in states)
        {
            s.EventState = s.ReaderName == reader ? ReaderStates.Present | ReaderStates.Changed | (ReaderStates)(counter << 16) : s.CurrentState & ~ReaderStates.Changed;
            s.Atr = s.ReaderName == reader ? Atr : ReadOnlyMemory<byte>.Empty;
        }

        return 0;
    };

    private static Func<PcscReaderState[], uint> Remove(string reader, uint counter) => states =>
    {
        foreach (var s in states)
        {
            s.EventState = s.ReaderName == reader ? ReaderStates.Empty | ReaderStates.Changed | (ReaderStates)(counter << 16) : s.CurrentState & ~ReaderStates.Changed;
        }

        return 0;
    };

    [Fact]
    public async Task Execute_CardInsertedInSelectedReader_PublishesUidThenRemoval()
    {
        var interop = new ScriptedPcscInterop { Readers = [Picc, Sam] };
        interop.TransmitSteps.Enqueue(cmd => (0, [.. Uid, 0x90, 0x00]));
        interop.ScriptStatusChange(Insert(Picc, 1));
        interop.ScriptStatusChange(Remove(Picc, 2));
        var options = new CardWorkerOptions();
        options.ExcludeReaders.Add("* SAM *");
        var sink = new ChannelCardEventSink();
        var log = new RecordingLogger();
        using var worker = new CardWorker(interop, Options.Create(options), sink, log, new FakeTimeProvider(DateTimeOffset.UnixEpoch), (_, _) => Task.CompletedTask);

        await worker.StartAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var attached = await sink.Reader.ReadAsync(timeout.Token);
        var present = Assert.IsType<CardPresent>(await sink.Reader.ReadAsync(timeout.Token));
        var removed = await sink.Reader.ReadAsync(timeout.Token);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(new ReaderAttached(Picc, DateTimeOffset.UnixEpoch), attached);
        Assert.Equal(Picc, present.ReaderName);
        Assert.Equal(Uid, present.Uid.ToArray());
        Assert.Equal(Atr, present.Atr.ToArray());
        Assert.Equal(new CardRemoved(Picc, DateTimeOffset.UnixEpoch), removed);
        Assert.False(sink.Reader.TryRead(out _));
        Assert.Contains("Transmit:T1:FFCA000000", interop.CallsSnapshot());
        Assert.Contains(log.Entries, e => e.Message == $"Card present in {Picc}, UID 04**********80");
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("123456789A", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_CardLeavesBeforeUidRead_PublishesNothingForIt()
    {
        var interop = new ScriptedPcscInterop { Readers = [Picc] };
        interop.TransmitSteps.Enqueue(_ => ((uint)PcscErrorCode.RemovedCard, []));
        interop.ScriptStatusChange(Insert(Picc, 1));
        interop.ScriptStatusChange(Remove(Picc, 2));
        var sink = new ChannelCardEventSink();
        var log = new RecordingLogger();
        using var worker = new CardWorker(interop, Options.Create(new CardWorkerOptions()), sink, log, new FakeTimeProvider(), (_, _) => Task.CompletedTask);

        await worker.StartAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Assert.IsType<ReaderAttached>(await sink.Reader.ReadAsync(timeout.Token));
        for (var i = 0; i < 200 && !log.Entries.Any(e => e.Message.Contains("left before", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(10);
        }

        await worker.StopAsync(CancellationToken.None);

        Assert.Contains(log.Entries, e => e.Message == $"Card in {Picc} left before its UID was read");
        Assert.False(sink.Reader.TryRead(out _));
    }

    [Fact]
    public async Task AddCardWorker_InvalidRegexInConfiguration_HostFailsToStartWithTheReason()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CardWorker:PatternSyntax"] = "Regex",
            ["CardWorker:IncludeReaders:0"] = "PICC (",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCardWorker(configuration);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("CardWorker:IncludeReaders[0] 'PICC (' is not a valid regular expression:", ex.Failures.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddCardWorker_BindsPatternsAndRegistersChannelReader()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CardWorker:IncludeReaders:0"] = "ACS*",
            ["CardWorker:ExcludeReaders:0"] = "* SAM *",
            ["CardWorker:UidReadTimeout"] = "00:00:03",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddCardWorker(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<CardWorkerOptions>>().Value;

        Assert.Equal(["ACS*"], options.IncludeReaders);
        Assert.Equal(["* SAM *"], options.ExcludeReaders);
        Assert.Equal(TimeSpan.FromSeconds(3), options.UidReadTimeout);
        Assert.Same(provider.GetRequiredService<ChannelCardEventSink>().Reader, provider.GetRequiredService<ChannelReader<CardEvent>>());
        Assert.Single(provider.GetServices<IHostedService>().OfType<CardWorker>());
    }
}
