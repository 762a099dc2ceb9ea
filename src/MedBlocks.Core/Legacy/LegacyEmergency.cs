namespace MedBlocks.Core.Legacy;

/// <summary>
/// The single emergency participant hard-coded in the 2018 software. Keys wrapped for it in v0.01
/// MedBlocks are recognised on import; version 2 never wraps for it (emergency keys are configured).
/// </summary>
public static class LegacyEmergency
{
    public const string Address = "3gk3RzXuchFZrHuPjQQb6Aeyevs16t6e2GnSh7qkTUJ1";
}
