namespace MedBlocks.Core.Participants;

/// <summary>What a participant is on the ledger. JSON names are given by <see cref="ParticipantRoles"/>.</summary>
public enum ParticipantRole
{
    Patient,
    Practitioner,
    Lab,
    App,
    Emergency,
    Site,
}
