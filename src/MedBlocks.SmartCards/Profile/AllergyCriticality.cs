namespace MedBlocks.SmartCards.Profile;

/// <summary>How dangerous a future reaction could be (FHIR AllergyIntolerance.criticality).</summary>
public enum AllergyCriticality
{
    /// <summary>Not assessed or not recorded.</summary>
    NotAssessed,
    Low,
    High,
}
