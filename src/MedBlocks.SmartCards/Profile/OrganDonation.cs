namespace MedBlocks.SmartCards.Profile;

/// <summary>The patient's recorded decision on organ donation.</summary>
public enum OrganDonation
{
    NotRecorded,
    Donor,
    NotDonor,
}
