namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Network master keys as 32 hex digits (AES-128), for development and tests. A station configures
/// only the masters of its role: a check-in kiosk <see cref="Read"/>, a paramedic station
/// <see cref="Emergency"/>, enrolment <see cref="PiccMaster"/>, <see cref="ApplicationMaster"/>
/// and <see cref="Write"/> (plus Read and Emergency to verify a new card).
/// </summary>
public sealed class CardKeyOptions
{
    public string? PiccMaster { get; set; }

    public string? ApplicationMaster { get; set; }

    public string? Write { get; set; }

    public string? Read { get; set; }

    public string? Emergency { get; set; }

    internal string? Get(CardKeyRole role) => role switch
    {
        CardKeyRole.PiccMaster => PiccMaster,
        CardKeyRole.ApplicationMaster => ApplicationMaster,
        CardKeyRole.Write => Write,
        CardKeyRole.Read => Read,
        CardKeyRole.Emergency => Emergency,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown key role."),
    };
}
