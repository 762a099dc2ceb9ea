namespace MedBlocks.Core.Ledger;

/// <summary>The ledger spelling of <see cref="ParticipantRole"/>.</summary>
public static class ParticipantRoles
{
    public static string ToWire(ParticipantRole role) => role switch
    {
        ParticipantRole.Patient => "patient",
        ParticipantRole.Practitioner => "practitioner",
        ParticipantRole.Lab => "lab",
        ParticipantRole.App => "app",
        ParticipantRole.Emergency => "emergency",
        ParticipantRole.Site => "site",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown participant role."),
    };

    public static bool TryParse(string? text, out ParticipantRole role)
    {
        (var known, role) = text switch
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

    /// <summary>Organisations may carry a public label; people never do (no names on the ledger).</summary>
    public static bool IsOrganisation(ParticipantRole role) =>
        role is ParticipantRole.Lab or ParticipantRole.App or ParticipantRole.Emergency or ParticipantRole.Site;
}
