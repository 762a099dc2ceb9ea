using MedBlocks.SmartCards.Desfire.Crypto;

namespace MedBlocks.SmartCards.Tests.TestSupport;

/// <summary>The card's half of computations a recorded log does not include, computed with the same primitives.</summary>
internal static class CardSide
{
    /// <summary>ek(RndA') for AuthenticateISO/AES: E(rol(RndA)) with IV = the host token's last block.</summary>
    public static byte[] EncryptRotatedRndA(DesfireKeyType type, byte[] key, byte[] rndA, byte[] hostToken)
    {
        using var cipher = new DesfireCipher(type, key);
        var iv = hostToken[^cipher.BlockSize..];
        byte[] rotated = [.. rndA[1..], rndA[0]];
        var output = new byte[rotated.Length];
        cipher.EncryptCbc(rotated, iv, output);
        return output;
    }
}
