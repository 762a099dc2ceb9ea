using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Rpc;
using MedBlocks.Ipfs.Store;
using MedBlocks.Ipfs.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MedBlocks.Ipfs.Tests.Rpc;

public sealed class IpfsNodeOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid_AndPointAtTheLocalNode()
    {
        var options = new IpfsNodeOptions();

        Assert.True(new IpfsNodeOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new Uri("http://127.0.0.1:5001"), options.ApiUrl);
    }

    [Fact]
    public async Task AddIpfsRecordStore_BadOptions_FailAtHostStart()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddIpfsRecordStore(o =>
        {
            o.ApiUrl = new Uri("ftp://node");
            o.ReadTimeout = TimeSpan.Zero;
            o.MaxRetries = 11;
            o.CidVersion = 2;
        });
        using var host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(5, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.StartsWith("ApiUrl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddIpfsRecordStore_ReplacesTheEmbeddedStoreAsTheRecordStore()
    {
        using var temp = new TempDirectory();
        var services = new ServiceCollection().AddLogging();
        services.AddEmbeddedRecordStore(o => o.RootPath = temp.Path);
        services.AddIpfsRecordStore(o => o.ApiUrl = new Uri("http://127.0.0.1:5001"));
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        Assert.IsType<IpfsRecordStore>(provider.GetRequiredService<IRecordStore>());
        Assert.NotNull(provider.GetRequiredService<EmbeddedRecordStore>());
    }
}
