using MedBlocks.Core.Secrets;

namespace MedBlocks.Kiosk.Enrolment;

/// <summary>Argon2id cost of the secrets an enrolment station seals (card PIN, backup key file).</summary>
public enum CardKdfCost
{
    /// <summary><see cref="Argon2Parameters.KeyFileDefault"/>.</summary>
    Production,

    /// <summary><see cref="Argon2Parameters.FastForTests"/>: demo and tests only.</summary>
    Fast,
}

internal static class CardKdfCosts
{
    public static Argon2Parameters Parameters(this CardKdfCost cost) =>
        cost == CardKdfCost.Fast ? Argon2Parameters.FastForTests : Argon2Parameters.KeyFileDefault;
}
