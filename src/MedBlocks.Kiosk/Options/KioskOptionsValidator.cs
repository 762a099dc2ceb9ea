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
            // Staff sign in at paramedic and enrolment stations with the read key (K2), like a check-in;
            // enrolment personalises cards and so needs every master.
            CardKeyRole[] needed = options.Role switch
            {
                KioskRole.Emergency => [CardKeyRole.Emergency, CardKeyRole.Read],
                KioskRole.Enrolment => Enum.GetValues<CardKeyRole>(),
                _ => [CardKeyRole.Read],
            };
            foreach (var role in needed.Where(r => !keys.Holds(r)))
            {
                failures.Add($"Kiosk:CardKeys:{role} is required for the {options.Role} role.");
            }
        }
        catch (ArgumentException e)
        {
            failures.Add($"Kiosk:CardKeys: {e.Message}");
        }

        if (!Enum.IsDefined(options.RecordStore))
        {
            failures.Add("Kiosk:RecordStore must be Embedded or Ipfs.");
        }

        foreach (var address in options.EmergencyServiceKeys.Where(a => !MedBlocks.Core.Participants.Ed25519Address.IsValid(a)))
        {
            failures.Add($"Kiosk:EmergencyServiceKeys: '{address}' is not a ledger address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
