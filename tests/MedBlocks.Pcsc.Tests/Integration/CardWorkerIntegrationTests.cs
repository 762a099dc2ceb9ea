using System.Threading.Channels;
using MedBlocks.Pcsc.Hosting;
using MedBlocks.Pcsc.Tests.TestDoubles;
using MedBlocks.Simulator.Vpcd;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MedBlocks.Pcsc.Tests.Integration;

[Collection(PcscdTestGroup.Name)]
public sealed class CardWorkerIntegrationTests(PcscdFixture pcscd)
{
    private static readonly byte[] Uid = [0x04, 0x5A, 0x6B, 0x7C, 0x8D, 0x9E, 0xAF];

    private static async Task<T> NextAsync<T>(ChannelReader<CardEvent> reader)
        where T : CardEvent
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            if (await reader.ReadAsync(timeout.Token) is T match)
            {
                return match;
            }
        }
    }

    [Fact]
    public async Task CardWorker_VirtualCardTapped_PublishesCardPresentWithUidThenRemoved()
    {
        Assert.NotEqual(0, pcscd.Pid);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CardWorker:IncludeReaders:0"] = "Virtual PCD 00 0*",
            ["CardWorker:ExcludeReaders:0"] = "* 01",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCardWorker(configuration);
        using var host = builder.Build();
        var events = host.Services.GetRequiredService<ChannelReader<CardEvent>>();
        await host.StartAsync();
        try
        {
            var attached = await NextAsync<ReaderAttached>(events);
            var bridge = new VpcdCardBridge(new FixedTestCard(Uid), slot: 0);
            await bridge.InsertAsync();
            var present = await NextAsync<CardPresent>(events);
            await bridge.RemoveAsync();
            var removed = await NextAsync<CardRemoved>(events);

            Assert.Equal(PcscdFixture.Slot0Reader, attached.ReaderName);
            Assert.Equal(PcscdFixture.Slot0Reader, present.ReaderName);
            Assert.Equal(Uid, present.Uid.ToArray());
            Assert.Equal([0x3B, 0x81, 0x80, 0x01, 0x80, 0x80], present.Atr.ToArray());
            Assert.Equal(PcscdFixture.Slot0Reader, removed.ReaderName);
            Assert.False(events.TryRead(out var extra) && extra.ReaderName == PcscdFixture.Slot1Reader);
        }
        finally
        {
            await host.StopAsync();
            await VirtualSlots.WaitUntilEmptyAsync();
        }
    }
}
