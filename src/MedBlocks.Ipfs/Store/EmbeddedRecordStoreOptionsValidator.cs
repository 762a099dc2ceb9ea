using Microsoft.Extensions.Options;

namespace MedBlocks.Ipfs.Store;

public sealed class EmbeddedRecordStoreOptionsValidator : IValidateOptions<EmbeddedRecordStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedRecordStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RootPath))
        {
            failures.Add("RootPath is required.");
        }
        else if (options.RootPath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"RootPath '{options.RootPath}' holds characters a path cannot.");
        }

        if (options.CidVersion is not (0 or 1))
        {
            failures.Add($"CidVersion must be 0 or 1, not {options.CidVersion}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
