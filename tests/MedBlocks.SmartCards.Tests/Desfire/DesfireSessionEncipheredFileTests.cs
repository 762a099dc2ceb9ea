using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Desfire.SecureMessaging;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire;

/// <summary>The enciphered WriteData/ReadData consistency vectors (continuing the verified AES session F44B26F5…).</summary>
public sealed class DesfireSessionEncipheredFileTests
{
    private const string WriteApdu = "903D00002701000000100000" + "8B92CF2F4AD4F3CF425787A745A92CFFD06EDF5C56FF2B45966244C66548C350" + "00";
    private const string ReadReply = "51632EE5B93CF6CC125A23FE6B1910CE7F1661CEC12D6431A0176158CE2B5B03" + "9100";

    [Fact]
    public async Task WriteThenRead_ConsistencyVectors_SendsCryptogramAndReturnsPlainData()
    {
        var card = new ScriptedCardTransport().Reply("05E30FF2DE7F67F59100").Reply(ReadReply);
        using var session = Resumed(card);

        await session.WriteDataAsync(1, 0, Hex.Sequence(0, 15), DesfireCommMode.Enciphered);
        var data = await session.ReadDataAsync(1, 0, 16, DesfireCommMode.Enciphered);

        Assert.Equal(WriteApdu, Hex.Of(card.Sent[0]));
        Assert.Equal("90BD0000070100000010000000", Hex.Of(card.Sent[1]));
        Assert.Equal(Hex.Sequence(0, 15), data);
        Assert.True(session.IsAuthenticated);
    }

    [Fact]
    public async Task ReadDataAsync_WholeFileLengthZero_FindsCrcByScanning()
    {
        // The card's answer for a length-0 read, computed with the same rules after the recorded write.
        var sessionKey = DesfireVectors.Get("ev1_aes_auth")[0].Bytes("sessionKey");
        using var cardSide = new Ev1SecureChannel(DesfireKeyType.Aes, sessionKey);
        cardSide.EncipherCommandData(0x3D, Hex.Parse("01000000100000"), Hex.Sequence(0, 15));
        cardSide.VerifyResponseMac(Hex.Parse("05E30FF2DE7F67F5"));
        cardSide.MacCommand(0xBD, Hex.Parse("01000000000000"));
        var fileContent = Hex.Sequence(0x20, 0x3A);
        var crc = new byte[4];
        DesfireCrc32.Write([.. fileContent, 0x00], crc);
        var reply = cardSide.EncipherPadded([.. fileContent, .. crc]);
        var card = new ScriptedCardTransport().Reply("05E30FF2DE7F67F59100").Reply(reply, [0x91, 0x00]);
        using var session = Resumed(card);
        await session.WriteDataAsync(1, 0, Hex.Sequence(0, 15), DesfireCommMode.Enciphered);

        var data = await session.ReadDataAsync(1, 0, 0, DesfireCommMode.Enciphered);

        Assert.Equal(fileContent, data);
        Assert.Equal("90BD0000070100000000000000", Hex.Of(card.Sent[1]));
    }

    [Fact]
    public async Task ReadDataAsync_CorruptedCryptogram_ThrowsIntegrityErrorAndEndsSession()
    {
        var reply = Hex.Parse(ReadReply);
        reply[17] ^= 0x04;
        var card = new ScriptedCardTransport().Reply("05E30FF2DE7F67F59100").Reply(reply);
        using var session = Resumed(card);
        await session.WriteDataAsync(1, 0, Hex.Sequence(0, 15), DesfireCommMode.Enciphered);

        await Assert.ThrowsAsync<DesfireIntegrityException>(() => session.ReadDataAsync(1, 0, 16, DesfireCommMode.Enciphered));
        Assert.False(session.IsAuthenticated);
    }

    [Fact]
    public async Task WriteDataAsync_FlippedWriteCmac_ThrowsIntegrityError()
    {
        var card = new ScriptedCardTransport().Reply("05E30FF2DE7F67F69100");
        using var session = Resumed(card);

        await Assert.ThrowsAsync<DesfireIntegrityException>(() => session.WriteDataAsync(1, 0, Hex.Sequence(0, 15), DesfireCommMode.Enciphered));
    }

    [Fact]
    public async Task WriteDataAsync_MacedMode_AppendsCommandCmac()
    {
        var sessionKey = DesfireVectors.Get("ev1_aes_auth")[0].Bytes("sessionKey");
        using var reference = new Ev1SecureChannel(DesfireKeyType.Aes, sessionKey);
        var header = Hex.Parse("04000000040000");
        var payload = Hex.Parse("DEADBEEF");
        var expectedMac = reference.MacCommand(0x3B, [.. header, .. payload]);
        var cardMac = reference.MacResponse(default);
        var card = new ScriptedCardTransport().Reply(cardMac, [0x91, 0x00]);
        using var session = Resumed(card);

        await session.WriteRecordAsync(4, 0, payload, DesfireCommMode.Maced);

        Assert.Equal([0x90, 0x3B, 0x00, 0x00, 0x13, .. header, .. payload, .. expectedMac, 0x00], card.Sent.Single());
    }

    [Fact]
    public async Task GetCardUidAsync_EncipheredUid_DecryptsWithCommandMacIv()
    {
        var sessionKey = DesfireVectors.Get("ev1_aes_auth")[0].Bytes("sessionKey");
        var uid = Hex.Parse("04782E21801D80");
        var reply = CardEncipheredAnswer(sessionKey, 0x51, uid);
        var card = new ScriptedCardTransport().Reply(reply, [0x91, 0x00]);
        using var session = Resumed(card);

        Assert.Equal(uid, await session.GetCardUidAsync());
    }

    [Fact]
    public async Task ReadDataAsync_LongerThanChunkLimit_SplitsIntoSeveralReads()
    {
        var card = new ScriptedCardTransport().Reply(new byte[59], [0x91, 0xAF]).Reply(new byte[9], [0x91, 0x00]).Reply(new byte[12], [0x91, 0x00]);
        using var session = new DesfireSession(card, framing: new DesfireFramingOptions { MaxResponseLength = 100 });

        var data = await session.ReadDataAsync(2, 0, 80, DesfireCommMode.Plain);

        Assert.Equal(80, data.Length);
        Assert.Equal("90BD0000070200000044000000", Hex.Of(card.Sent[0]));
        Assert.Equal("90BD000007024400000C000000", Hex.Of(card.Sent[2]));
    }

    private static byte[] CardEncipheredAnswer(byte[] sessionKey, byte command, byte[] data)
    {
        using var card = new Ev1SecureChannel(DesfireKeyType.Aes, sessionKey);
        card.MacCommand(command, default);
        var crc = new byte[4];
        DesfireCrc32.Write([.. data, 0x00], crc);
        return card.EncipherPadded([.. data, .. crc]);
    }

    private static DesfireSession Resumed(ScriptedCardTransport card)
    {
        var session = new DesfireSession(card);
        session.AssumeSelectedApplication(new DesfireAid(0x4D4231));
        session.ResumeSecureChannel(new Ev1SecureChannel(DesfireKeyType.Aes, DesfireVectors.Get("ev1_aes_auth")[0].Bytes("sessionKey")), 0);
        return session;
    }
}
