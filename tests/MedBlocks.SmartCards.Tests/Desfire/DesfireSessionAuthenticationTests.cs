using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Desfire.SecureMessaging;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire;

public sealed class DesfireSessionAuthenticationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task AuthenticateAsync_RecordedAesTranscript_SendsHostTokenAndAgreesSessionKey(int index)
    {
        var vector = DesfireVectors.Get("ev1_aes_auth")[index];
        var card = new ScriptedCardTransport()
            .Reply(vector.Bytes("ekRndB"), [0x91, 0xAF])
            .Reply(vector.Bytes("ekRndAPrime"), [0x91, 0x00]);
        using var session = new DesfireSession(card, new FixedDesfireRandom(vector.Bytes("rndA")));
        using var key = DesfireKey.Aes(vector.Bytes("key"));

        await session.AuthenticateAsync(0, key);

        Assert.Equal(Hex.Parse("90AA0000010000"), card.Sent[0]);
        Assert.Equal([0x90, 0xAF, 0x00, 0x00, 0x20, .. vector.Bytes("hostToken"), 0x00], card.Sent[1]);
        Assert.True(session.IsAuthenticated);
        Assert.Equal(0, session.AuthenticatedKeyNumber);
        AssertSessionKey(session, DesfireKeyType.Aes, vector.Bytes("sessionKey"));
    }

    [Fact]
    public async Task AuthenticateAsync_Recorded3K3DesTranscript_SendsHostTokenAndAgreesSessionKey()
    {
        var vector = DesfireVectors.Get("ev1_3k3des_auth");
        var card = new ScriptedCardTransport()
            .Reply(vector.Bytes("ekRndB"), [0x91, 0xAF])
            .Reply(vector.Bytes("ekRndAPrime"), [0x91, 0x00]);
        using var session = new DesfireSession(card, new FixedDesfireRandom(vector.Bytes("rndA")));
        using var key = new DesfireKey(DesfireKeyType.ThreeKey3Des, vector.Bytes("key"));

        await session.AuthenticateAsync(0, key);

        Assert.Equal(Hex.Parse("901A0000010000"), card.Sent[0]);
        Assert.Equal([0x90, 0xAF, 0x00, 0x00, 0x20, .. vector.Bytes("hostToken"), 0x00], card.Sent[1]);
        AssertSessionKey(session, DesfireKeyType.ThreeKey3Des, vector.Bytes("sessionKey"));
    }

    [Fact]
    public async Task AuthenticateAsync_FactoryDesKeyViaIso_SendsRecordedTokenAndMacsLikeRecordedSession()
    {
        // [PY] Test_DES: zero DES key through 1A; the card's last answer is not in the log, so it is computed.
        var rndA = Hex.Parse("849B36C5F8BF4A09");
        var token = Hex.Parse("21D0AD5F2FD97454A746CC80567F1B1C");
        var card = new ScriptedCardTransport()
            .Reply(Hex.Parse("5D994CE085F24089"), [0x91, 0xAF])
            .Reply(CardSide.EncryptRotatedRndA(DesfireKeyType.TwoKey3Des, new byte[16], rndA, token), [0x91, 0x00]);
        using var session = new DesfireSession(card, new FixedDesfireRandom(rndA));
        using var key = DesfireKey.FactoryDefault();

        await session.AuthenticateAsync(0, key);

        Assert.Equal(Hex.Parse("901A0000010000"), card.Sent[0]);
        Assert.Equal([0x90, 0xAF, 0x00, 0x00, 0x10, .. token, 0x00], card.Sent[1]);
        Assert.Equal(Hex.Parse("5020EC826086DF12"), session.Channel!.MacCommand(0x60, default));
    }

    [Fact]
    public async Task AuthenticateAsync_WrongRndAProof_ThrowsIntegrityErrorAndStaysUnauthenticated()
    {
        var vector = DesfireVectors.Get("ev1_aes_auth")[0];
        var forged = vector.Bytes("ekRndAPrime");
        forged[5] ^= 0x40;
        var card = new ScriptedCardTransport().Reply(vector.Bytes("ekRndB"), [0x91, 0xAF]).Reply(forged, [0x91, 0x00]);
        using var session = new DesfireSession(card, new FixedDesfireRandom(vector.Bytes("rndA")));
        using var key = DesfireKey.Aes(vector.Bytes("key"));

        await Assert.ThrowsAsync<DesfireIntegrityException>(() => session.AuthenticateAsync(0, key));
        Assert.False(session.IsAuthenticated);
    }

    [Fact]
    public async Task AuthenticateAsync_CardRefusesKey_ThrowsAuthenticationError()
    {
        var vector = DesfireVectors.Get("ev1_aes_auth")[0];
        var card = new ScriptedCardTransport().Reply(vector.Bytes("ekRndB"), [0x91, 0xAF]).Reply("91AE");
        using var session = new DesfireSession(card, new FixedDesfireRandom(vector.Bytes("rndA")));
        using var key = DesfireKey.Aes(vector.Bytes("key"));

        var error = await Assert.ThrowsAsync<DesfireException>(() => session.AuthenticateAsync(0, key));

        Assert.Equal(DesfireStatus.AuthenticationError, error.Status);
        Assert.False(session.IsAuthenticated);
    }

    [Fact]
    public async Task AuthenticateAsync_ShortChallenge_ThrowsProtocolError()
    {
        var card = new ScriptedCardTransport().Reply("B969FDFE56FD91FC91AF");
        using var session = new DesfireSession(card);
        using var key = DesfireKey.Aes(new byte[16]);

        await Assert.ThrowsAsync<DesfireProtocolException>(() => session.AuthenticateAsync(0, key));
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKeyNumber_ThrowsNoSuchKey()
    {
        var card = new ScriptedCardTransport().Reply("9140");
        using var session = new DesfireSession(card);
        using var key = DesfireKey.Aes(new byte[16]);

        var error = await Assert.ThrowsAsync<DesfireException>(() => session.AuthenticateAsync(5, key));

        Assert.Equal(DesfireStatus.NoSuchKey, error.Status);
        Assert.Contains("NO_SUCH_KEY", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSessionKey(DesfireSession session, DesfireKeyType type, byte[] expectedSessionKey)
    {
        // Same key ⇔ same CMAC from the same IV; the session never exposes the key itself.
        using var reference = new Ev1SecureChannel(type, expectedSessionKey);
        var probe = Hex.Parse("F50102030405");
        Assert.Equal(reference.MacCommand(0xBD, probe), session.Channel!.MacCommand(0xBD, probe));
    }
}
