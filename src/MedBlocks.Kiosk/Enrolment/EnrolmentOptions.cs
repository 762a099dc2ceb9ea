using System.ComponentModel.DataAnnotations;

namespace MedBlocks.Kiosk.Enrolment;

/// <summary>Configuration section "Enrolment": how an enrolment station writes new cards.</summary>
public sealed class EnrolmentOptions
{
    public const string SectionName = "Enrolment";

    /// <summary>
    /// Argon2id cost of the PIN on the card and of the backup key file. Production (default) costs about
    /// half a second per try on a kiosk; Fast is for the demo and tests only.
    /// </summary>
    public CardKdfCost KdfCost { get; set; } = CardKdfCost.Production;

    /// <summary>Issuer id written in the card info of every card this station issues.</summary>
    [Range(1, int.MaxValue)]
    public int IssuerId { get; set; } = 1;
}
