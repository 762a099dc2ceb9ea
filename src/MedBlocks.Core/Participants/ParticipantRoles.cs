using System.Diagnostics.CodeAnalysis;

namespace MedBlocks.Core.Participants;

/// <summary>The JSON names of <see cref="ParticipantRole"/> ("patient", "practitioner", ...); unknown names are rejected.</summary>
public static class ParticipantRoles
{
    public static string ToName(this ParticipantRole role) => role switch
    {
        ParticipantRole.Patient => "patient",
        ParticipantRole.Practitioner => "practitioner",
        ParticipantRole.Lab => "lab",
        ParticipantRole.App => "app",
        ParticipantRole.Emergency => "emergency",
        ParticipantRole.Site => "site",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a participant role."),
    };

    /// <exception cref="FormatException">The name is not one of the role names (matching is exact and case-sensitive).</exception>
    public static ParticipantRole Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var role)
            ? role
            : throw new FormatException($"'{name}' is not a participant role (patient, practitioner, lab, app, emergency, site).");
    }

    public static bool TryParse([NotNullWhen(true)] string? name, out ParticipantRole role)
    {
        (var known, role) = name switch
        {
            "patient" => (true, ParticipantRole.Patient),
            "practitioner" => (true, ParticipantRole.Practitioner),
            "lab" => (true, ParticipantRole.Lab),
            "app" => (true, ParticipantRole.App),
            "emergency" => (true, ParticipantRole.Emergency),
            "site" => (true, ParticipantRole.Site),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>Organisations may carry a public label on the ledger; people never do.</summary>
    public static bool IsOrganisation(this ParticipantRole role) =>
        role is ParticipantRole.Lab or ParticipantRole.App or ParticipantRole.Emergency or ParticipantRole.Site;
}
