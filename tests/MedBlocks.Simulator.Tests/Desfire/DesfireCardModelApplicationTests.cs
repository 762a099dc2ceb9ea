using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Tests.Support;

namespace MedBlocks.Simulator.Tests.Desfire;

public sealed class DesfireCardModelApplicationTests
{
    [Fact]
    public void DeleteApplication_SelectedWithItsMasterKey_DeletedAndPiccSelected()
    {
        var (card, host) = CardFactory.WithApplication(new FixedRandomSource(), DesfireKeyType.Aes, new byte[16]);
        host.AuthenticateAes(0, new byte[16], Hex.Sequence(1, 16));

        host.Plain(0xDA, 0x01, 0x00, 0x00);
        host.EndSession();

        Assert.Equal(0u, card.Model.SelectedApplication);
        Assert.Null(card.State.FindApplication(1));
        Assert.Empty(host.Expect(0x6A, []));
    }

    [Fact]
    public void CreateApplication_IsoFileIdsAndDfName_StoredAndDuplicateFidRejected()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);

        host.Expect(0xCA, Hex.Bytes("010000 0F A3 10E1 D2760000850101"));

        var application = card.State.FindApplication(1)!;
        Assert.True(application.SupportsIsoFileIds);
        Assert.Equal((ushort)0xE110, application.IsoFileId);
        Assert.Equal("D2760000850101", Hex.Of(application.DfName.Span));
        Assert.Equal(0xDE, host.Exchange(0xCA, Hex.Bytes("020000 0F A3 10E1")).Status);
    }

    [Fact]
    public void GetKeySettings_Application_SettingsAndKeyCountWithTypeFlag()
    {
        var (_, host) = CardFactory.WithApplication(new FixedRandomSource(), DesfireKeyType.ThreeKeyTripleDes, new byte[24], new byte[24]);
        Assert.Equal("0F42", Hex.Of(host.Expect(0x45, [])));
    }

    [Fact]
    public void GetApplicationIds_ThreeApplications_LsbFirstInCreationOrder()
    {
        var host = new DesfireTestHost(CardFactory.Blank());
        host.Expect(0xCA, Hex.Bytes("AAAAAA 0F 01"));
        host.Expect(0xCA, Hex.Bytes("31424D 0F 85"));
        host.Expect(0xCA, Hex.Bytes("CCCCCC 0F 41"));

        Assert.Equal("AAAAAA31424DCCCCCC", Hex.Of(host.Expect(0x6A, [])));
    }

    [Theory]
    [InlineData(0x0A)]
    [InlineData(0x1A)]
    public void ChangeKey_OtherDesKeyInLegacyAndIsoSessions_NewKeyAuthenticates(byte authentication)
    {
        var (card, host) = CardFactory.WithApplication(new FixedRandomSource(), DesfireKeyType.TwoKeyTripleDes, new byte[16], new byte[16]);
        var newKey = Hex.Bytes("00112233445566778899AABBCCDDEEFF");
        Authenticate(host, authentication, 0, new byte[16]);

        host.ChangeKey(1, newKey, aesVersion: null, oldKey: new byte[16]);

        Assert.Equal(Hex.Of(newKey), Hex.Of(card.State.FindApplication(1)!.GetKey(1).Value));
        Authenticate(host, authentication, 1, newKey);
        Assert.Equal(1, card.Model.AuthenticatedKeyNumber);
    }

    private static void Authenticate(DesfireTestHost host, byte authentication, byte keyNo, byte[] key)
    {
        if (authentication == 0x0A)
        {
            host.AuthenticateLegacy(keyNo, key, Hex.Sequence(1, 8));
        }
        else
        {
            host.AuthenticateIso(keyNo, key, Hex.Sequence(1, 8));
        }
    }
}
