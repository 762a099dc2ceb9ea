using System.Diagnostics.CodeAnalysis;
using MedBlocks.Core.Participants;

namespace MedBlocks.SmartCards.Profile;

/// <summary>JSON names of <see cref="CardHolderRole"/> and the ledger role each one's keys are declared with.</summary>
public static class CardHolderRoles
{
    public static string ToName(this CardHolderRole role) => role switch
    {
        CardHolderRole.Patient => "patient",
        CardHolderRole.Registrar => "registrar",
        CardHolderRole.Practitioner => "practitioner",
        CardHolderRole.Paramedic => "paramedic",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a card holder role."),
    };

    public static bool TryParse([NotNullWhen(true)] string? name, out CardHolderRole role)
    {
        (var known, role) = name switch
        {
            "patient" => (true, CardHolderRole.Patient),
            "registrar" => (true, CardHolderRole.Registrar),
            "practitioner" => (true, CardHolderRole.Practitioner),
            "paramedic" => (true, CardHolderRole.Paramedic),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>Whether the holder is staff (signs in at stations) rather than a patient.</summary>
    public static bool IsStaff(this CardHolderRole role) => role != CardHolderRole.Patient;

    /// <summary>
    /// The ledger role of the holder's keys: a registrar acts for the site (sites may revoke cards),
    /// a paramedic for the emergency service, a practitioner as a practitioner.
    /// </summary>
    public static ParticipantRole LedgerRole(this CardHolderRole role) => role switch
    {
        CardHolderRole.Patient => ParticipantRole.Patient,
        CardHolderRole.Registrar => ParticipantRole.Site,
        CardHolderRole.Practitioner => ParticipantRole.Practitioner,
        CardHolderRole.Paramedic => ParticipantRole.Emergency,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a card holder role."),
    };
}
