using System.Globalization;
using MedBlocks.Ipfs.Rpc;
using MedBlocks.Ipfs.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedBlocks.Cli.Hosting;

/// <summary>
/// Which record store the workflow uses, from the environment: <c>MEDBLOCKS_STORE</c> = <c>embedded</c>
/// (default) or <c>ipfs</c>; the node at <c>MEDBLOCKS_IPFS_API</c> (default http://127.0.0.1:5001), waiting
/// at most <c>MEDBLOCKS_IPFS_TIMEOUT</c> seconds for a read. The IPFS client is composed through the
/// same registration a host uses (options validated, HttpClient from the factory).
/// </summary>
internal sealed class RecordStoreSelection : IAsyncDisposable
{
    public const string StoreVariable = "MEDBLOCKS_STORE";
    public const string ApiVariable = "MEDBLOCKS_IPFS_API";
    public const string TimeoutVariable = "MEDBLOCKS_IPFS_TIMEOUT";

    private readonly Dictionary<Uri, ServiceProvider> providers = [];

    private RecordStoreSelection(bool usesIpfs, Uri apiUrl, TimeSpan? readTimeout)
    {
        UsesIpfs = usesIpfs;
        ApiUrl = apiUrl;
        ReadTimeout = readTimeout;
    }

    public bool UsesIpfs { get; }

    public Uri ApiUrl { get; }

    public TimeSpan? ReadTimeout { get; }

    public static RecordStoreSelection FromEnvironment(Func<string, string?> environment)
    {
        var kind = environment(StoreVariable);
        var usesIpfs = kind?.Trim().ToUpperInvariant() switch
        {
            null or "" or "EMBEDDED" => false,
            "IPFS" => true,
            _ => throw new CliException($"{StoreVariable} must be 'embedded' or 'ipfs', not '{kind}'.", ExitCodes.Usage),
        };
        var api = ParseApi(environment(ApiVariable)) ?? new IpfsNodeOptions().ApiUrl;
        TimeSpan? timeout = null;
        if (environment(TimeoutVariable) is { Length: > 0 } seconds)
        {
            timeout = double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 1
                ? TimeSpan.FromSeconds(value)
                : throw new CliException($"{TimeoutVariable} must be a number of seconds (at least 1), not '{seconds}'.", ExitCodes.Usage);
        }

        return new RecordStoreSelection(usesIpfs, api, timeout);
    }

    /// <exception cref="CliException">The text is not an http(s) address.</exception>
    public static Uri? ParseApi(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"'{text}' is not an IPFS RPC API address such as http://127.0.0.1:5001.", ExitCodes.Usage);
    }

    public IpfsRecordStore CreateIpfsStore() => Provider(ApiUrl).GetRequiredService<IpfsRecordStore>();

    /// <summary>A client of the node at <paramref name="apiUrl"/> (default: the configured one).</summary>
    public KuboRpcClient CreateClient(Uri? apiUrl = null) => Provider(apiUrl ?? ApiUrl).GetRequiredService<KuboRpcClient>();

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers.Values)
        {
            await provider.DisposeAsync();
        }

        providers.Clear();
    }

    private ServiceProvider Provider(Uri apiUrl)
    {
        if (!providers.TryGetValue(apiUrl, out var provider))
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddIpfsRecordStore(o =>
            {
                o.ApiUrl = apiUrl;
                if (ReadTimeout is { } timeout)
                {
                    o.ReadTimeout = timeout;
                }
            });
            provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            try
            {
                // ValidateOnStart needs a host; the CLI checks the options here instead.
                _ = provider.GetRequiredService<IOptions<IpfsNodeOptions>>().Value;
            }
            catch (OptionsValidationException ex)
            {
                throw new CliException($"The IPFS settings are not valid: {ex.Message}", ExitCodes.Usage);
            }

            providers[apiUrl] = provider;
        }

        return provider;
    }
}
