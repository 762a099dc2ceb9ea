using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MedBlocks.Pcsc.Hosting;

public static class CardWorkerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CardWorker"/> with options from the "CardWorker" section of
    /// <paramref name="configuration"/> (validated at start), and a <see cref="ChannelReader{T}"/>
    /// of <see cref="CardEvent"/> for consumers unless an <see cref="ICardEventSink"/> is already registered.
    /// </summary>
    public static IServiceCollection AddCardWorker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CardWorkerOptions>()
            .Bind(configuration.GetSection(CardWorkerOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CardWorkerOptions>, CardWorkerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChannelCardEventSink>();
        services.TryAddSingleton<ICardEventSink>(sp => sp.GetRequiredService<ChannelCardEventSink>());
        services.TryAddSingleton(sp => sp.GetRequiredService<ChannelCardEventSink>().Reader);
        services.AddHostedService<CardWorker>();
        return services;
    }
}
