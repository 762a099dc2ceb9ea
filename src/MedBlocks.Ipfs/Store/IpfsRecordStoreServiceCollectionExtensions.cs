using System.Net;
using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace MedBlocks.Ipfs.Store;

public static class IpfsRecordStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="KuboRpcClient"/> and its two HTTP clients: one that retries idempotent calls
    /// after connection failures and 502/503/504 with a timeout per attempt, one that never retries.
    /// </summary>
    public static OptionsBuilder<IpfsNodeOptions> AddKuboRpcClient(this IServiceCollection services, Action<IpfsNodeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IpfsNodeOptions>, IpfsNodeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KuboRpcClient>();

        // Bodies stream both ways, so HttpClient's own whole-response timeout is off; the calls bound themselves.
        services.AddHttpClient(KuboRpcClient.IdempotentClientName, ConfigureClient)
            .AddResilienceHandler("ipfs-idempotent", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<IpfsNodeOptions>>().Value;
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(200),
                        ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                            .Handle<HttpRequestException>()
                            .HandleResult(r => r.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout),
                    });
                }

                pipeline.AddTimeout(options.ReadTimeout + options.RequestTimeout + TimeSpan.FromSeconds(2));
            });
        services.AddHttpClient(KuboRpcClient.SingleShotClientName, ConfigureClient);
        return services.AddOptions<IpfsNodeOptions>().Configure(configure).ValidateOnStart();
    }

    /// <summary>Registers <see cref="IpfsRecordStore"/> as the <see cref="IRecordStore"/> (replacing the embedded store if registered).</summary>
    public static OptionsBuilder<IpfsNodeOptions> AddIpfsRecordStore(this IServiceCollection services, Action<IpfsNodeOptions> configure)
    {
        var options = services.AddKuboRpcClient(configure);
        services.TryAddSingleton<IpfsRecordStore>();
        services.RemoveAll<IRecordStore>();
        services.AddSingleton<IRecordStore>(sp => sp.GetRequiredService<IpfsRecordStore>());
        return options;
    }

    private static void ConfigureClient(HttpClient client) => client.Timeout = Timeout.InfiniteTimeSpan;
}
