namespace MedBlocks.SmartCards.Profile;

/// <summary>Resuscitation status / advance directive as the crew needs it.</summary>
public enum ResuscitationStatus
{
    Unknown,
    FullResuscitation,
    DoNotResuscitate,
}
