using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire.Crypto;

public sealed class An10922KeyDiversifierTests
{
    private static readonly System.Text.Json.JsonElement Vector = DesfireVectors.Get("an10922_aes128")[0];

    [Fact]
    public void Diversify_UidAidSystemIdentifier_MatchesPublishedKey()
    {
        using var master = DesfireKey.Aes(Vector.Bytes("master"));
        var aid = DesfireAid.FromWire(Vector.Bytes("aidWire"));

        using var key = An10922KeyDiversifier.Diversify(master, Vector.Bytes("uid"), aid, Vector.Bytes("systemIdentifier"));

        Assert.Equal(Vector.Bytes("diversifiedKey"), key.Bytes.ToArray());
        Assert.Equal(DesfireKeyType.Aes, key.Type);
    }

    [Fact]
    public void Diversify_PublishedM_MatchesPublishedKey()
    {
        using var master = DesfireKey.Aes(Vector.Bytes("master"));
        var m = Vector.Bytes("m");
        Assert.Equal(0x01, m[0]);

        using var key = An10922KeyDiversifier.Diversify(master, m.AsSpan(1));

        Assert.Equal(Vector.Bytes("diversifiedKey"), key.Bytes.ToArray());
    }

    [Fact]
    public void Subkeys_MasterKey_MatchPublishedK1K2()
    {
        using var cmac = new DesfireCmac(DesfireKeyType.Aes, Vector.Bytes("master"));

        Assert.Equal(Vector.Bytes("k1"), cmac.K1.ToArray());
        Assert.Equal(Vector.Bytes("k2"), cmac.K2.ToArray());
    }

    [Fact]
    public void Diversify_An10957Case_MatchesPublishedKey()
    {
        using var master = DesfireKey.Aes(Hex.Parse("F3F9377698707B688EAF84ABE39E3791"));

        using var key = An10922KeyDiversifier.Diversify(master, Hex.Parse("04DEADBEEFFEED"));

        Assert.Equal(Hex.Parse("0BB408BAFF98B6EE9F2E1585777F6A51"), key.Bytes.ToArray());
    }

    [Fact]
    public void Diversify_InputOf31Bytes_UsesK1WithoutPadding()
    {
        using var master = DesfireKey.Aes(Vector.Bytes("master"));
        using var cmac = new DesfireCmac(DesfireKeyType.Aes, Vector.Bytes("master"));
        var m = Hex.Sequence(1, 31);

        using var key = An10922KeyDiversifier.Diversify(master, m);

        // With 01‖M exactly two blocks, the construction is plain CMAC over it.
        var full = cmac.Compute([0x01, .. m]);
        Assert.Equal(full, key.Bytes.ToArray());
    }

    [Fact]
    public void Diversify_InputTooLong_Throws()
    {
        using var master = DesfireKey.Aes(Vector.Bytes("master"));

        Assert.Throws<ArgumentException>(() => An10922KeyDiversifier.Diversify(master, new byte[32]));
    }
}
