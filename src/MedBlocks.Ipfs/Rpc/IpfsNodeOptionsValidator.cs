using Microsoft.Extensions.Options;

namespace MedBlocks.Ipfs.Rpc;

public sealed class IpfsNodeOptionsValidator : IValidateOptions<IpfsNodeOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, IpfsNodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ApiUrl is null || !options.ApiUrl.IsAbsoluteUri || options.ApiUrl.Scheme is not ("http" or "https"))
        {
            failures.Add($"ApiUrl must be an absolute http or https address, not '{options.ApiUrl}'.");
        }
        else if (!string.IsNullOrEmpty(options.ApiUrl.Query) || !string.IsNullOrEmpty(options.ApiUrl.Fragment))
        {
            failures.Add($"ApiUrl '{options.ApiUrl}' must not carry a query or fragment.");
        }

        CheckTimeout(failures, nameof(options.RequestTimeout), options.RequestTimeout);
        CheckTimeout(failures, nameof(options.ReadTimeout), options.ReadTimeout);
        CheckTimeout(failures, nameof(options.AddTimeout), options.AddTimeout);
        if (options.ReadTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add("ReadTimeout must be at least 1 s (the node takes whole seconds).");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"MaxRetries must be between 0 and 10, not {options.MaxRetries}.");
        }

        if (options.CidVersion is not (0 or 1))
        {
            failures.Add($"CidVersion must be 0 or 1, not {options.CidVersion}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTimeout(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > MaxTimeout)
        {
            failures.Add($"{name} must be positive and at most one day, not {value}.");
        }
    }
}
