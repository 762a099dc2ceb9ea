using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire.Crypto;

public sealed class Ev1SessionKeyDeriverTests
{
    [Fact]
    public void Derive_AesTranscript_MatchesSessionKey()
    {
        var vector = DesfireVectors.Get("ev1_aes_auth")[0];

        Assert.Equal(vector.Bytes("sessionKey"), Ev1SessionKeyDeriver.Derive(DesfireKeyType.Aes, vector.Bytes("rndA"), vector.Bytes("rndB")));
    }

    [Fact]
    public void Derive_AesRandomNumbersFromJavaTest_MatchesSessionKey()
    {
        var key = Ev1SessionKeyDeriver.Derive(DesfireKeyType.Aes, Hex.Parse("74B25EECAC78DEDB353CECA7AD444C20"), Hex.Parse("6BA42879EC047A88CF51956245DF31A6"));

        Assert.Equal(Hex.Parse("74B25EEC6BA42879AD444C2045DF31A6"), key);
    }

    [Fact]
    public void Derive_TwoKeyWithEqualHalves_RepeatsFirstHalf()
    {
        var key = Ev1SessionKeyDeriver.Derive(DesfireKeyType.TwoKey3Des, Hex.Parse("849B36C5F8BF4A09"), Hex.Parse("4FD1B75900000000"), equalHalves: true);

        Assert.Equal(Hex.Parse("849B36C54FD1B759849B36C54FD1B759"), key);
    }

    [Fact]
    public void Derive_TwoKey_InterleavesBothHalves()
    {
        var key = Ev1SessionKeyDeriver.Derive(DesfireKeyType.TwoKey3Des, Hex.Parse("0001020304050607"), Hex.Parse("1011121314151617"));

        Assert.Equal(Hex.Parse("00010203101112130405060714151617"), key);
    }

    [Fact]
    public void Derive_Des_TakesFirstFourBytesOfEach()
    {
        var key = Ev1SessionKeyDeriver.Derive(DesfireKeyType.Des, Hex.Parse("0001020304050607"), Hex.Parse("1011121314151617"));

        Assert.Equal(Hex.Parse("0001020310111213"), key);
    }
}
