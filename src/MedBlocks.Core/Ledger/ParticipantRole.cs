namespace MedBlocks.Core.Ledger;

/// <summary>What a declared participant is. Organisations (lab, app, emergency, site) may carry a public label.</summary>
public enum ParticipantRole
{
    Patient,
    Practitioner,
    Lab,
    App,
    Emergency,
    Site,
}
