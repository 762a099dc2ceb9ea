namespace MedBlocks.SmartCards.Profile;

/// <summary>The network master keys of the profile; each card key is diversified from one of them.</summary>
public enum CardKeyRole
{
    PiccMaster,
    ApplicationMaster,
    Write,
    Read,
    Emergency,
}
