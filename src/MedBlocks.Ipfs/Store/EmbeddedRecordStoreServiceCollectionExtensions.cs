using MedBlocks.Core.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MedBlocks.Ipfs.Store;

public static class EmbeddedRecordStoreServiceCollectionExtensions
{
    /// <summary>Registers <see cref="EmbeddedRecordStore"/> as the <see cref="IRecordStore"/>, its options validated at start.</summary>
    public static OptionsBuilder<EmbeddedRecordStoreOptions> AddEmbeddedRecordStore(
        this IServiceCollection services,
        Action<EmbeddedRecordStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddedRecordStoreOptions>, EmbeddedRecordStoreOptionsValidator>());
        services.TryAddSingleton<EmbeddedRecordStore>();
        services.TryAddSingleton<IRecordStore>(sp => sp.GetRequiredService<EmbeddedRecordStore>());
        return services.AddOptions<EmbeddedRecordStoreOptions>().Configure(configure).ValidateOnStart();
    }
}
