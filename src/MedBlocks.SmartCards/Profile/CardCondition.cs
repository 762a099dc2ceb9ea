namespace MedBlocks.SmartCards.Profile;

/// <summary>What enrolment finds on a tapped card.</summary>
public enum CardCondition
{
    /// <summary>Factory state: DES PICC key of zeros and no application.</summary>
    Blank,

    /// <summary>Our PICC key but no complete card info: personalisation was interrupted and restarts after a format.</summary>
    Interrupted,

    /// <summary>Our PICC key and a complete card info.</summary>
    Issued,

    /// <summary>Factory PICC key but applications of someone else: format it knowingly first.</summary>
    FactoryKeyWithApplications,
}
