using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.Options;

namespace MedBlocks.Kiosk.Options;

/// <summary>Checks what data annotations cannot: the role is known and the station holds the key its role reads with.</summary>
public sealed class KioskOptionsValidator : IValidateOptions<KioskOptions>
{
    public ValidateOptionsResult Validate(string? name, KioskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Role))
        {
            failures.Add("Kiosk:Role must be CheckIn, Emergency or Enrolment.");
        }

        if (!Enum.IsDefined(options.Reader))
        {
            failures.Add("Kiosk:Reader must be Simulated or Pcsc.");
        }

        try
        {
            using var keys = new ConfigurationKeyProvider(options.CardKeys);
            var needed = options.Role switch
            {
                KioskRole.Emergency => CardKeyRole.Emergency,
                KioskRole.Enrolment => CardKeyRole.Write,
                _ => CardKeyRole.Read,
            };
            if (!keys.Holds(needed))
            {
                failures.Add($"Kiosk:CardKeys:{needed} is required for the {options.Role} role.");
            }
        }
        catch (ArgumentException e)
        {
            failures.Add($"Kiosk:CardKeys: {e.Message}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
