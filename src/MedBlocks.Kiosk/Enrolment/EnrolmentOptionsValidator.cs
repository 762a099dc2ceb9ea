using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk.Enrolment;

/// <summary>Refuses an unknown KDF cost name (a typo must not silently fall back to a weak or strong default).</summary>
public sealed class EnrolmentOptionsValidator : IValidateOptions<EnrolmentOptions>
{
    public ValidateOptionsResult Validate(string? name, EnrolmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Enum.IsDefined(options.KdfCost)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Enrolment:KdfCost must be Production or Fast.");
    }
}
