using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire.Crypto;

public sealed class Ev2SessionKeysTests
{
    private static readonly System.Text.Json.JsonElement Vector = DesfireVectors.Get("ev2_first_auth");

    [Fact]
    public void SessionVector_An12343Randoms_MatchesSv1()
    {
        Assert.Equal(Vector.Bytes("sv1"), Ev2SessionKeys.SessionVector(0xA5, 0x5A, Vector.Bytes("rndA"), Vector.Bytes("rndB")));
    }

    [Fact]
    public void Derive_An12343Randoms_MatchesEncAndMacKeys()
    {
        using var key = DesfireKey.Aes(Vector.Bytes("key"));

        using var keys = Ev2SessionKeys.Derive(key, Vector.Bytes("rndA"), Vector.Bytes("rndB"));

        Assert.Equal(Vector.Bytes("sesAuthEnc"), keys.EncryptionKey.ToArray());
        Assert.Equal(Vector.Bytes("sesAuthMac"), keys.MacKey.ToArray());
    }
}
