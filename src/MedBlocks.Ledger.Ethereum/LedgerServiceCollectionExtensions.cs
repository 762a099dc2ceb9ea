using MedBlocks.Core.Ledger;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>
/// Registers the station's <see cref="ILedger"/> from configuration: <c>Ledger:Backend</c> = <c>Sqlite</c> (default;
/// <c>Ledger:Sqlite:Path</c>) or <c>Ethereum</c> (section <c>Ledger:Ethereum</c>, see <see cref="EthereumLedgerOptions"/>).
/// </summary>
public static class LedgerServiceCollectionExtensions
{
    public const string BackendKey = "Ledger:Backend";
    public const string SqlitePathKey = "Ledger:Sqlite:Path";

    /// <summary>Adds the ledger the configuration names; its options are validated when the host starts.</summary>
    /// <exception cref="InvalidOperationException">The backend name is unknown.</exception>
    public static IServiceCollection AddConfiguredLedger(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var backend = configuration[BackendKey] ?? "Sqlite";
        if (string.Equals(backend, "Ethereum", StringComparison.OrdinalIgnoreCase))
        {
            return services.AddEthereumLedger(configuration.GetSection(EthereumLedgerOptions.SectionName));
        }

        if (!string.Equals(backend, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{BackendKey} is Sqlite or Ethereum, not '{backend}'.");
        }

        var path = configuration[SqlitePathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException($"{SqlitePathKey} (the ledger file) is required for the Sqlite backend.");
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteLedger(new SqliteLedgerOptions { Path = path }, sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SqliteLedger>>()));
        services.AddSingleton<ILedger>(sp => sp.GetRequiredService<SqliteLedger>());
        return services;
    }

    /// <summary>Adds <see cref="EthereumLedger"/> as the <see cref="ILedger"/> and its <see cref="EthereumLedgerFollower"/>.</summary>
    public static IServiceCollection AddEthereumLedger(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<EthereumLedgerOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EthereumLedgerOptions>, EthereumLedgerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new EthereumLedger(
            sp.GetRequiredService<IOptions<EthereumLedgerOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<EthereumLedger>>()));
        services.AddSingleton<ILedger>(sp => sp.GetRequiredService<EthereumLedger>());
        services.AddHostedService<EthereumLedgerFollower>();
        return services;
    }
}
