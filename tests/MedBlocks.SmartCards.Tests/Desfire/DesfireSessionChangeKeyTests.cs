using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Desfire.SecureMessaging;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire;

public sealed class DesfireSessionChangeKeyTests
{
    private static readonly DesfireAid Application = new(0x4D4231);

    [Fact]
    public async Task ChangeKeyAsync_SameKeyAfterRecordedAuthentication_SendsRecordedApduAndEndsSession()
    {
        var auth = DesfireVectors.Get("ev1_aes_auth")[0];
        var vector = DesfireVectors.Get("ev1_aes_change_key_same_key");
        var card = new ScriptedCardTransport()
            .Reply(auth.Bytes("ekRndB"), [0x91, 0xAF])
            .Reply(auth.Bytes("ekRndAPrime"), [0x91, 0x00])
            .Reply("9100");
        using var session = new DesfireSession(card, new FixedDesfireRandom(auth.Bytes("rndA")));
        session.AssumeSelectedApplication(Application);
        using var current = DesfireKey.Aes(auth.Bytes("key"));
        await session.AuthenticateAsync(0, current);
        using var newKey = DesfireKey.Aes(vector.Bytes("newKey"), vector.Bytes("keyVersion")[0]);

        await session.ChangeKeyAsync(0, newKey);

        Assert.Equal(vector.Bytes("apdu"), card.Sent[2]);
        Assert.False(session.IsAuthenticated);
    }

    [Fact]
    public async Task ChangeKeyAsync_OtherKey_SendsRecordedCryptogramAndAcceptsCardCmac()
    {
        var vector = DesfireVectors.Get("ev1_aes_change_key_other_key");
        var card = new ScriptedCardTransport().Reply(vector.Bytes("cardCmac"), [0x91, 0x00]);
        using var session = ResumedSession(card, vector.Bytes("sessionKey"));
        // New key and version as recovered from the recorded cryptogram; both recorded CRCs confirm them.
        using var newKey = DesfireKey.Aes(Hex.Parse("00102030405060708090A0B0B0A09080"), 0x10);
        using var oldKey = DesfireKey.Aes(vector.Bytes("oldKey"));

        await session.ChangeKeyAsync(vector.Bytes("keyNo")[0], newKey, oldKey);

        Assert.Equal([0x90, 0xC4, 0x00, 0x00, 0x21, 0x01, .. vector.Bytes("encryptedCryptogram"), 0x00], card.Sent.Single());
        Assert.True(session.IsAuthenticated);
    }

    [Fact]
    public async Task ChangeKeyAsync_OtherKeyWithFlippedCardCmac_ThrowsIntegrityError()
    {
        var vector = DesfireVectors.Get("ev1_aes_change_key_other_key");
        var mac = vector.Bytes("cardCmac");
        mac[0] ^= 0x80;
        var card = new ScriptedCardTransport().Reply(mac, [0x91, 0x00]);
        using var session = ResumedSession(card, vector.Bytes("sessionKey"));
        using var newKey = DesfireKey.Aes(Hex.Parse("00102030405060708090A0B0B0A09080"), 0x10);
        using var oldKey = DesfireKey.Aes(vector.Bytes("oldKey"));

        await Assert.ThrowsAsync<DesfireIntegrityException>(() => session.ChangeKeyAsync(1, newKey, oldKey));
        Assert.False(session.IsAuthenticated);
    }

    [Fact]
    public async Task ChangeKeyAsync_OtherKeyWithoutCurrentKey_Throws()
    {
        using var session = ResumedSession(new ScriptedCardTransport(), new byte[16]);
        using var newKey = DesfireKey.Aes(new byte[16]);

        await Assert.ThrowsAsync<ArgumentNullException>(() => session.ChangeKeyAsync(1, newKey));
    }

    [Fact]
    public async Task ChangeKeyAsync_NotAuthenticated_Throws()
    {
        using var session = new DesfireSession(new ScriptedCardTransport());
        using var newKey = DesfireKey.Aes(new byte[16]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.ChangeKeyAsync(0, newKey));
    }

    [Fact]
    public async Task ChangeKeyAsync_FactoryDesPiccKeyToAes_SendsKeyNumber80AndCardDecryptsValidCryptogram()
    {
        // Personalisation's first step: ISO authentication with the DES factory key, then the AES PICC master.
        var rndA = Hex.Parse("849B36C5F8BF4A09");
        var token = Hex.Parse("21D0AD5F2FD97454A746CC80567F1B1C");
        var card = new ScriptedCardTransport()
            .Reply(Hex.Parse("5D994CE085F24089"), [0x91, 0xAF])
            .Reply(CardSide.EncryptRotatedRndA(DesfireKeyType.TwoKey3Des, new byte[16], rndA, token), [0x91, 0x00])
            .Reply("9100");
        using var session = new DesfireSession(card, new FixedDesfireRandom(rndA));
        using var factory = DesfireKey.FactoryDefault();
        await session.AuthenticateAsync(0, factory);
        var aesKey = Hex.Sequence(0xA0, 0xAF);
        using var newKey = DesfireKey.Aes(aesKey, 0x01);

        await session.ChangeKeyAsync(0, newKey);

        var apdu = card.Sent[2];
        Assert.Equal(Hex.Parse("90C400001980"), apdu[..6]);
        Assert.Equal(0x00, apdu[^1]);
        using var cardCipher = new DesfireCipher(DesfireKeyType.TwoKey3Des, Hex.Parse("849B36C54FD1B759849B36C54FD1B759"));
        var plain = new byte[24];
        cardCipher.DecryptCbc(apdu.AsSpan(6, 24), new byte[8], plain);
        var crc = new byte[4];
        DesfireCrc32.Write([0xC4, 0x80, .. aesKey, 0x01], crc);
        Assert.Equal([.. aesKey, 0x01, .. crc, 0, 0, 0], plain);
        Assert.False(session.IsAuthenticated);
    }

    [Fact]
    public async Task ChangeKeyAsync_PiccLevelOtherCase_KeyNumberCarriesAesFlagInCrc()
    {
        using var channelKey = DesfireKey.Aes(Hex.Sequence(0x10, 0x1F));
        var card = new ScriptedCardTransport().Reply("9100");
        using var session = ResumedSession(card, channelKey.Bytes.ToArray(), DesfireAid.Picc);
        using var newKey = DesfireKey.Aes(Hex.Sequence(0x20, 0x2F), 0x02);

        await session.ChangeKeyAsync(0, newKey);

        var apdu = card.Sent.Single();
        Assert.Equal(0x80, apdu[5]);
        using var cardCipher = new DesfireCipher(DesfireKeyType.Aes, channelKey.Bytes);
        var plain = new byte[32];
        cardCipher.DecryptCbc(apdu.AsSpan(6, 32), new byte[16], plain);
        Assert.Equal(DesfireCrc32.Compute([0xC4, 0x80, .. Hex.Sequence(0x20, 0x2F), 0x02]), BitConverter.ToUInt32(plain, 17));
    }

    private static DesfireSession ResumedSession(ScriptedCardTransport card, byte[] sessionKey, DesfireAid? aid = null)
    {
        var session = new DesfireSession(card);
        session.AssumeSelectedApplication(aid ?? Application);
        session.ResumeSecureChannel(new Ev1SecureChannel(DesfireKeyType.Aes, sessionKey), keyNumber: 0);
        return session;
    }
}
