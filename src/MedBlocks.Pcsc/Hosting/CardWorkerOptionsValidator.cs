using Microsoft.Extensions.Options;

namespace MedBlocks.Pcsc.Hosting;

/// <summary>Rejects unusable reader patterns and timeouts when the host starts.</summary>
public sealed class CardWorkerOptionsValidator : IValidateOptions<CardWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, CardWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.PatternSyntax))
        {
            failures.Add($"{CardWorkerOptions.SectionName}:PatternSyntax must be Glob or Regex.");
        }
        else
        {
            try
            {
                _ = ReaderFilter.Create(options);
            }
            catch (ArgumentException ex)
            {
                failures.Add(ex.Message);
            }
        }

        if (options.UidReadTimeout <= TimeSpan.Zero || options.UidReadTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{CardWorkerOptions.SectionName}:UidReadTimeout must be between 0 and 1 minute, not {options.UidReadTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
