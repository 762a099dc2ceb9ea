using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire.Crypto;

public sealed class DesfireCmacTests
{
    private static readonly System.Text.Json.JsonElement Vector = DesfireVectors.Get("aes_cmac_sp800_38b");

    [Fact]
    public void Subkeys_Sp800_38bKey_MatchPublishedK1K2()
    {
        using var cmac = new DesfireCmac(DesfireKeyType.Aes, Vector.Bytes("key"));

        Assert.Equal(Vector.Bytes("k1"), cmac.K1.ToArray());
        Assert.Equal(Vector.Bytes("k2"), cmac.K2.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(40)]
    [InlineData(64)]
    public void Compute_Sp800_38bMessagePrefix_MatchesPublishedMac(int length)
    {
        var expected = Vector.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("len").GetInt32() == length).Bytes("mac");
        using var cmac = new DesfireCmac(DesfireKeyType.Aes, Vector.Bytes("key"));

        Assert.Equal(expected, cmac.Compute(Vector.Bytes("message64").AsSpan(0, length)));
    }

    [Fact]
    public void Compute_RunningIv_StartsFromIvAndLeavesIvAtMac()
    {
        using var cmac = new DesfireCmac(DesfireKeyType.Aes, Vector.Bytes("key"));
        var iv = new byte[16];
        var mac = new byte[16];

        cmac.Compute(Vector.Bytes("message64").AsSpan(0, 16), iv, mac);
        var second = new byte[16];
        cmac.Compute(Vector.Bytes("message64").AsSpan(0, 16), iv, second);

        Assert.Equal(Hex.Parse("070A16B46B4D4144F79BDD9DD04A287C"), mac);
        Assert.Equal(second, iv);
        Assert.NotEqual(mac, second);
    }

    [Fact]
    public void Compute_TdesSessionKeyFromDesTranscript_MatchesRecordedGetVersionMac()
    {
        // [PY] Test_DES: session key 849B36C54FD1B759 twice, IV 0, CMAC over the GetVersion command byte.
        using var cmac = new DesfireCmac(DesfireKeyType.TwoKey3Des, Hex.Parse("849B36C54FD1B759849B36C54FD1B759"));
        var iv = new byte[8];
        var mac = new byte[8];

        cmac.Compute([0x60], iv, mac);

        Assert.Equal(Hex.Parse("5020EC826086DF12"), mac);
        Assert.Equal(mac, iv);
    }
}
