namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>Builds the EV1 session key from RndA and RndB (libfreefare / proxmark3 layout).</summary>
public static class Ev1SessionKeyDeriver
{
    /// <param name="keyType">Type of the authenticated key (DES is the legacy 8-byte form).</param>
    /// <param name="rndA">The host challenge.</param>
    /// <param name="rndB">The card challenge.</param>
    /// <param name="equalHalves">For 2K3DES: the key's halves are equal, so the session key's are too.</param>
    public static byte[] Derive(DesfireKeyType keyType, ReadOnlySpan<byte> rndA, ReadOnlySpan<byte> rndB, bool equalHalves = false)
    {
        var needed = keyType is DesfireKeyType.Des or DesfireKeyType.TwoKey3Des ? 8 : 16;
        if (rndA.Length < needed || rndB.Length < needed)
        {
            throw new ArgumentException($"{keyType} session keys need {needed}-byte random numbers.");
        }

        return keyType switch
        {
            DesfireKeyType.Des => [.. rndA[..4], .. rndB[..4]],
            DesfireKeyType.TwoKey3Des when equalHalves => [.. rndA[..4], .. rndB[..4], .. rndA[..4], .. rndB[..4]],
            DesfireKeyType.TwoKey3Des => [.. rndA[..4], .. rndB[..4], .. rndA[4..8], .. rndB[4..8]],
            DesfireKeyType.ThreeKey3Des => [.. rndA[..4], .. rndB[..4], .. rndA[6..10], .. rndB[6..10], .. rndA[12..16], .. rndB[12..16]],
            DesfireKeyType.Aes => [.. rndA[..4], .. rndB[..4], .. rndA[12..16], .. rndB[12..16]],
            _ => throw new ArgumentOutOfRangeException(nameof(keyType), keyType, "Unknown key type."),
        };
    }
}
