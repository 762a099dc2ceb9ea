using MedBlocks.Simulator.Tests.Support;

namespace MedBlocks.Simulator.Tests.Desfire;

public sealed class DesfireCardModelConfigurationTests
{
    [Fact]
    public void SetConfiguration_RandomUid_ReaderSeesRandomUidAndGetCardUidTellsRealOne()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.AuthenticateIso(0, new byte[16], Hex.Sequence(1, 8));
        host.WriteEnciphered(0x5C, [0x00], [0x02]);
        card.Reset();

        var uid = card.Process(Hex.Bytes("FFCA000000"));
        Assert.Equal(6, uid.Length);
        Assert.Equal(0x08, uid[0]);
        Assert.EndsWith("9000", Hex.Of(uid), StringComparison.Ordinal);
        card.Process(Hex.Bytes("9060000000"));
        card.Process(Hex.Bytes("90AF000000"));
        Assert.StartsWith("00000000000000", Hex.Of(card.Process(Hex.Bytes("90AF000000"))), StringComparison.Ordinal);

        host.AuthenticateIso(0, new byte[16], Hex.Sequence(1, 8));
        Assert.Equal(CardFactory.TestUid, host.ReadEnciphered(0x51, [], 7));
    }

    [Fact]
    public void GetCardUid_AesSession_EncipheredRealUid()
    {
        var (_, host) = CardFactory.WithApplication(new FixedRandomSource(), MedBlocks.Simulator.Desfire.DesfireKeyType.Aes, new byte[16]);
        host.AuthenticateAes(0, new byte[16], Hex.Sequence(1, 16));
        Assert.Equal(CardFactory.TestUid, host.ReadEnciphered(0x51, [], 7));
        Assert.Equal([0x0F, 0x81], host.Plain(0x45));
    }

    [Fact]
    public void SetConfiguration_Ats_ReaderReportsNewAts()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.AuthenticateIso(0, new byte[16], Hex.Sequence(1, 8));
        byte[] header = [0x5C, 0x02];
        byte[] ats = Hex.Bytes("0675F7B10280");
        byte[] plain = [.. ats, .. HostCrypto.Crc32Bytes([.. header, .. ats]), 0x80];
        var cryptogram = new HostCrypto(host.SessionKey!, aes: false).CbcEncrypt(host.PadZero(plain), new byte[8]);

        Assert.EndsWith("9100", Hex.Of(host.Transmit(DesfireTestHost.Wrap(0x5C, [0x02, .. cryptogram]))), StringComparison.Ordinal);
        Assert.Equal("0675F7B102809000", Hex.Of(card.Process(Hex.Bytes("FFCA010000"))));
    }

    [Fact]
    public void ChangeFileSettings_KeyProtected_EncipheredAndApplied()
    {
        var (card, host) = CardFactory.WithApplication(new FixedRandomSource(), MedBlocks.Simulator.Desfire.DesfireKeyType.Aes, new byte[16]);
        host.Expect(0xCD, Hex.Bytes("01 00 E0EE 100000"));
        host.AuthenticateAes(0, new byte[16], Hex.Sequence(1, 16));

        host.WriteEnciphered(0x5F, [0x01], Hex.Bytes("03 0000"));

        var file = card.State.FindApplication(1)!.GetFiles().Single();
        Assert.Equal(0x03, file.Communication);
        Assert.Equal(0x0000, file.AccessRights.Value);
    }
}
