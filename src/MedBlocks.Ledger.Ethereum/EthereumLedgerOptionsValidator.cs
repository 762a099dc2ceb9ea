using System.Globalization;
using Microsoft.Extensions.Options;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>Checks what data annotations cannot: URL scheme, hex forms, time ranges, the index directory.</summary>
public sealed class EthereumLedgerOptionsValidator : IValidateOptions<EthereumLedgerOptions>
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public ValidateOptionsResult Validate(string? name, EthereumLedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.NodeUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("NodeUrl is an absolute http or https URL of the node's JSON-RPC endpoint.");
        }

        if (options.ChainId < 1)
        {
            failures.Add("ChainId is the chain's id (1 or more).");
        }

        if (!IsHex(options.ContractAddress, 20))
        {
            failures.Add("ContractAddress is 0x followed by 40 hex digits.");
        }

        if (options.DeploymentBlock < 0)
        {
            failures.Add("DeploymentBlock is 0 or more.");
        }

        if (options.AccountKey is not null && !IsHex(options.AccountKey, 32))
        {
            // The value itself is never echoed.
            failures.Add("AccountKey is 0x followed by 64 hex digits, or absent for a read-only station.");
        }

        if (options.Confirmations is < 0 or > 10_000)
        {
            failures.Add("Confirmations is between 0 and 10000.");
        }

        if (string.IsNullOrWhiteSpace(options.IndexPath))
        {
            failures.Add("IndexPath (the local index file) is required.");
        }
        else
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(options.IndexPath));
            if (directory is null || !Directory.Exists(directory))
            {
                failures.Add($"The index's directory '{directory}' does not exist.");
            }
        }

        CheckRange(failures, nameof(options.PollInterval), options.PollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(10));
        CheckRange(failures, nameof(options.RequestTimeout), options.RequestTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        CheckRange(failures, nameof(options.ConfirmationTimeout), options.ConfirmationTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(24));
        if (options.LogBlockRange is < 1 or > 100_000)
        {
            failures.Add("LogBlockRange is between 1 and 100000.");
        }

        if (options.MaxAppendAttempts is < 1 or > 1_000)
        {
            failures.Add("MaxAppendAttempts is between 1 and 1000.");
        }

        if (options.GasMarginPercent is < 0 or > 1_000)
        {
            failures.Add("GasMarginPercent is between 0 and 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws when <paramref name="options"/> are invalid; for code that builds the ledger without the options pipeline.</summary>
    /// <exception cref="ArgumentException">An option is invalid; the message lists every failure.</exception>
    public static void ThrowIfInvalid(EthereumLedgerOptions options)
    {
        var result = new EthereumLedgerOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException("Invalid Ethereum ledger options: " + string.Join(" ", result.Failures), nameof(options));
        }
    }

    internal static bool IsHex(string? text, int bytes) =>
        text is not null
        && text.Length == 2 + (2 * bytes)
        && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        && !text.AsSpan(2).ContainsAnyExcept(HexDigits);

    private static void CheckRange(List<string> failures, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name} is between {min} and {max}."));
        }
    }
}
