using System.Text;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// An allergy or intolerance on the emergency summary: the substance, the reaction seen, how
/// dangerous a reaction could be, and whether it is an intolerance rather than an allergy.
/// A bare string converts to an allergy with only the substance known.
/// </summary>
public sealed record EmergencyAllergy(string Substance, string? Reaction = null, AllergyCriticality Criticality = AllergyCriticality.NotAssessed, bool Intolerance = false)
{
    public static implicit operator EmergencyAllergy(string substance) => FromSubstance(substance);

    public static EmergencyAllergy FromSubstance(string substance) => new(substance);

    /// <summary>One line for a screen: "penicillin — anaphylaxis (high criticality)".</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Substance);
        if (Intolerance)
        {
            text.Append(" (intolerance)");
        }

        if (Reaction is not null)
        {
            text.Append(" — ").Append(Reaction);
        }

        if (Criticality != AllergyCriticality.NotAssessed)
        {
            text.Append(Criticality == AllergyCriticality.High ? " (high criticality)" : " (low criticality)");
        }

        return text.ToString();
    }
}
