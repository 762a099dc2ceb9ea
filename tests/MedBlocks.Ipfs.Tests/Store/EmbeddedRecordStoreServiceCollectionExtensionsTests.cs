using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Store;
using MedBlocks.Ipfs.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MedBlocks.Ipfs.Tests.Store;

public sealed class EmbeddedRecordStoreServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddEmbeddedRecordStore_ValidOptions_ResolvesWorkingRecordStore()
    {
        using var temp = new TempDirectory();
        var services = new ServiceCollection().AddLogging();
        services.AddEmbeddedRecordStore(o => o.RootPath = temp.Path);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var store = provider.GetRequiredService<IRecordStore>();
        using var content = new MemoryStream("x"u8.ToArray());
        var cid = await store.AddAsync(content);

        Assert.IsType<EmbeddedRecordStore>(store);
        Assert.Same(store, provider.GetRequiredService<EmbeddedRecordStore>());
        Assert.Equal(MedBlocks.Ipfs.UnixFs.CidCalculator.Compute("x"u8).ToString(), cid);
        Assert.True(await store.ContainsAsync(cid));
    }

    [Fact]
    public async Task AddEmbeddedRecordStore_MissingRootPath_FailsAtHostStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddEmbeddedRecordStore(o => o.CidVersion = 3);
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("RootPath is required.", ex.Failures);
        Assert.Contains("CidVersion must be 0 or 1, not 3.", ex.Failures);
    }
}
