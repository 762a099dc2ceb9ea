namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Who carries a card: a patient, or a member of staff who signs in at stations with it. The identity
/// file names it in <c>role</c>; cards without the member are patient cards.
/// </summary>
public enum CardHolderRole
{
    Patient,
    Registrar,
    Practitioner,
    Paramedic,
}
