using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Tests.Support;

namespace MedBlocks.Simulator.Tests.Desfire;

/// <summary>A blank card is in NXP's factory state, and the standard personalisation steps work on it.</summary>
public sealed class DesfireCardModelFactoryStateTests
{
    private static readonly byte[] NewPiccKey = Hex.Bytes("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF");

    [Theory]
    [InlineData("9045000000", "0F019100")]
    [InlineData("90640000010000", "009100")]
    [InlineData("906A000000", "9100")]
    [InlineData("906E000000", "0010009100")]
    public void Blank4k_FactoryAnswers(string apdu, string expected)
    {
        Assert.Equal(expected, Hex.Of(CardFactory.Blank().Process(Hex.Bytes(apdu))));
    }

    [Fact]
    public void Blank_PiccKeyIsDesZeros()
    {
        var state = CardFactory.Blank().State;
        Assert.Equal(DesfireKeyType.TwoKeyTripleDes, state.PiccKey.Type);
        Assert.True(state.PiccKey.IsSingleDes);
        Assert.Equal(new byte[16], state.PiccKey.Value.ToArray());
        Assert.Equal(0x0F, state.PiccKeySettings);
        Assert.Empty(state.GetApplications());
    }

    [Fact]
    public void Personalise_IsoAuthThenChangeKeyToAes_AesAuthWorks()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.AuthenticateIso(0, new byte[16], Hex.Sequence(1, 8));

        host.ChangeKey(0x80, NewPiccKey, 0x01, oldKey: null);

        Assert.Equal(DesfireKeyType.Aes, card.State.PiccKey.Type);
        Assert.Equal("0F819100", Hex.Of(card.Process(Hex.Bytes("9045000000"))));
        host.AuthenticateAes(0, NewPiccKey, Hex.Sequence(1, 16));
        Assert.Equal([0x01], host.Plain(0x64, 0x00));
    }

    [Fact]
    public void Personalise_LegacyAuthThenChangeKeyToAes_AesAuthWorks()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.AuthenticateLegacy(0, new byte[16], Hex.Sequence(1, 8));

        host.ChangeKey(0x80, NewPiccKey, 0x07, oldKey: null);

        host.AuthenticateAes(0, NewPiccKey, Hex.Sequence(1, 16));
        Assert.Equal([0x07], host.Plain(0x64, 0x00));
    }

    [Fact]
    public void Personalise_ChangeKeySettingsAndCreateApplication_ListingNeedsMasterAfterwards()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.AuthenticateIso(0, new byte[16], Hex.Sequence(1, 8));
        host.ChangeKey(0x80, NewPiccKey, 0x01, oldKey: null);
        host.AuthenticateAes(0, NewPiccKey, Hex.Sequence(1, 16));
        host.Plain(0xCA, Hex.Bytes("31424D 0B 85"));
        host.WriteEnciphered(0x54, [], [0x09]);

        Assert.Equal(0x09, card.State.PiccKeySettings);
        host.EndSession();
        Assert.Equal("9100", Hex.Of(card.Process(Hex.Bytes("905A00000300000000"))));
        Assert.Equal("91AE", Hex.Of(card.Process(Hex.Bytes("906A000000"))));
        host.AuthenticateAes(0, NewPiccKey, Hex.Sequence(1, 16));
        Assert.Equal(Hex.Bytes("31424D"), host.Plain(0x6A));
    }

    [Fact]
    public void LegacySession_MacedAndEncipheredFiles_RoundTrip()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.Expect(0xCA, Hex.Bytes("010000 0F 02"));
        host.Expect(0x5A, Hex.Bytes("010000"));
        host.Expect(0xCD, Hex.Bytes("01 01 1111 200000"));
        host.Expect(0xCD, Hex.Bytes("02 03 1111 200000"));
        host.AuthenticateLegacy(1, new byte[16], Hex.Sequence(9, 16));
        var data = Hex.Sequence(0x40, 0x53);

        host.WriteMaced(0x3D, Hex.Bytes("01 000000 140000"), data);
        host.WriteEnciphered(0x3D, Hex.Bytes("02 000000 140000"), data);

        Assert.Equal(data, host.ReadMaced(0xBD, Hex.Bytes("01 000000 140000")));
        Assert.Equal(data, host.ReadEnciphered(0xBD, Hex.Bytes("02 000000 140000"), 20));
    }

    [Fact]
    public void IsoSession_MacedFile_WriteAndReadVerifyCmacs()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.Expect(0xCA, Hex.Bytes("010000 0F 82"));
        host.Expect(0x5A, Hex.Bytes("010000"));
        host.Expect(0xCD, Hex.Bytes("01 01 1111 500000"));
        host.AuthenticateAes(1, new byte[16], Hex.Sequence(9, 24));
        var data = Hex.Sequence(0, 0x4F);

        host.WriteMaced(0x3D, Hex.Bytes("01 000000 500000"), data);

        Assert.Equal(data, host.ReadMaced(0xBD, Hex.Bytes("01 000000 000000")));
    }
}
