namespace MedBlocks.Core.Participants;

/// <summary>
/// The optional public label of an organisation (site, lab, app, emergency service, practitioner).
/// Patients carry none: names stay off the ledger.
/// </summary>
internal static class ParticipantLabel
{
    public const int MaxLength = 64;

    public static void Validate(ParticipantRole role, string? label, string parameterName)
    {
        if (label is null)
        {
            return;
        }

        if (role == ParticipantRole.Patient)
        {
            throw new ArgumentException("A patient has no public label: names never go on the ledger.", parameterName);
        }

        if (label.Length is 0 or > MaxLength || label.Any(char.IsControl) || label.Trim().Length != label.Length)
        {
            throw new ArgumentException($"A label is 1 to {MaxLength} characters, without control characters or surrounding spaces.", parameterName);
        }
    }
}
