using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Tests.Support;

namespace MedBlocks.Simulator.Tests.Desfire;

/// <summary>The card's answers to the exact host APDUs of the public transcripts (desfire-vectors.json).</summary>
public sealed class DesfireCardModelVectorTests
{
    private static readonly byte[] ZeroAes = new byte[16];

    [Fact]
    public void AuthenticateAes_Transcript1_RepliesExactCryptograms()
    {
        var random = new FixedRandomSource(TestVectors.Get("ev1_aes_auth", 0, "rndB"));
        var (_, host) = CardFactory.WithApplication(random, DesfireKeyType.Aes, ZeroAes);

        var challenge = host.Transmit(Hex.Bytes("90AA0000010000"));
        Assert.Equal(TestVectors.Get("ev1_aes_auth", 0, "ekRndB") + "91AF", Hex.Of(challenge));

        var answer = host.Transmit(DesfireTestHost.Wrap(0xAF, Hex.Bytes(TestVectors.Get("ev1_aes_auth", 0, "hostToken"))));
        Assert.Equal(TestVectors.Get("ev1_aes_auth", 0, "ekRndAPrime") + "9100", Hex.Of(answer));
    }

    [Fact]
    public void AuthenticateAes_Transcript2_RepliesExactCryptograms()
    {
        var key = Hex.Bytes(TestVectors.Get("ev1_aes_auth", 1, "key"));
        var rndB = new HostCrypto(key, aes: true).CbcDecrypt(Hex.Bytes(TestVectors.Get("ev1_aes_auth", 1, "ekRndB")), new byte[16]);
        var (_, host) = CardFactory.WithApplication(new FixedRandomSource(Hex.Of(rndB)), DesfireKeyType.Aes, key);

        Assert.Equal(TestVectors.Get("ev1_aes_auth", 1, "ekRndB") + "91AF", Hex.Of(host.Transmit(Hex.Bytes("90AA0000010000"))));
        var answer = host.Transmit(DesfireTestHost.Wrap(0xAF, Hex.Bytes(TestVectors.Get("ev1_aes_auth", 1, "hostToken"))));
        Assert.Equal(TestVectors.Get("ev1_aes_auth", 1, "ekRndAPrime") + "9100", Hex.Of(answer));
    }

    [Fact]
    public void AuthenticateAes_WrongToken_AuthenticationErrorAndNoSession()
    {
        var (card, host) = CardFactory.WithApplication(new FixedRandomSource(TestVectors.Get("ev1_aes_auth", 0, "rndB")), DesfireKeyType.Aes, ZeroAes);
        host.Transmit(Hex.Bytes("90AA0000010000"));
        var token = Hex.Bytes(TestVectors.Get("ev1_aes_auth", 0, "hostToken"));
        token[0] ^= 0x01;

        Assert.Equal("91AE", Hex.Of(host.Transmit(DesfireTestHost.Wrap(0xAF, token))));
        Assert.Null(card.Model.AuthenticatedKeyNumber);
    }

    [Fact]
    public void PlainFileSession_AfterAuth2_ResponsesCarryVectorCmacs()
    {
        var key = Hex.Bytes(TestVectors.Get("ev1_aes_auth", 1, "key"));
        var rndB = new HostCrypto(key, aes: true).CbcDecrypt(Hex.Bytes(TestVectors.Get("ev1_aes_auth", 1, "ekRndB")), new byte[16]);
        var (_, host) = CardFactory.WithApplication(new FixedRandomSource(Hex.Of(rndB)), DesfireKeyType.Aes, key);
        host.Transmit(Hex.Bytes("90AA0000010000"));
        Assert.EndsWith("9100", Hex.Of(host.Transmit(DesfireTestHost.Wrap(0xAF, Hex.Bytes(TestVectors.Get("ev1_aes_auth", 1, "hostToken"))))), StringComparison.Ordinal);

        (string Command, string Response)[] steps =
        [
            ("CD05001100500000", ""),
            ("6F", "05"),
            ("F505", "00001100500000"),
            ("3D05000000340000" + Hex.Of(Hex.Sequence(0x00, 0x33)), ""),
            ("3D053400001C0000" + Hex.Of(Hex.Sequence(0x34, 0x4F)), ""),
            ("BD05000000300000", Hex.Of(Hex.Sequence(0x00, 0x2F))),
            ("BD05300000200000", Hex.Of(Hex.Sequence(0x30, 0x4F))),
            ("DF05", ""),
        ];
        var vectorSteps = TestVectors.Root.GetProperty("ev1_aes_plain_session_after_auth2").GetProperty("steps");
        for (var i = 0; i < steps.Length; i++)
        {
            var command = Hex.Bytes(steps[i].Command);
            var reply = host.Transmit(DesfireTestHost.Wrap(command[0], command[1..]));
            var expected = steps[i].Response + vectorSteps[i].GetProperty("responseCmac").GetString() + "9100";
            Assert.Equal(expected, Hex.Of(reply));
        }
    }

    [Fact]
    public void ChangeKey_SameKeyVector_AcceptedBareAndKeyChanged()
    {
        var (card, host) = CardFactory.WithApplication(new FixedRandomSource(TestVectors.Get("ev1_aes_auth", 0, "rndB")), DesfireKeyType.Aes, ZeroAes);
        host.AuthenticateAes(0, ZeroAes, Hex.Bytes(TestVectors.Get("ev1_aes_auth", 0, "rndA")));
        Assert.Equal(TestVectors.Get("ev1_aes_change_key_same_key", "sessionKey"), Hex.Of(host.SessionKey!));

        var reply = host.Transmit(Hex.Bytes(TestVectors.Get("ev1_aes_change_key_same_key", "apdu")));

        Assert.Equal("9100", Hex.Of(reply));
        Assert.Null(card.Model.AuthenticatedKeyNumber);
        var application = card.State.FindApplication(1)!;
        Assert.Equal(TestVectors.Get("ev1_aes_change_key_same_key", "newKey"), Hex.Of(application.GetKey(0).Value));
        Assert.Equal(0x10, application.GetKey(0).Version);
        host.AuthenticateAes(0, Hex.Bytes("00102030405060708090A0B0B0A09080"), Hex.Sequence(1, 16));
        Assert.Equal([0x10], host.Plain(0x64, 0x00));
    }

    [Fact]
    public void ChangeKey_OtherKeyVector_RepliesVectorCmacAndStoresReconstructedKey()
    {
        // The session key C2A1E47BD8100044FE6D00A74D7AB17C is A[0..3]‖B[0..3]‖A[12..15]‖B[12..15]:
        // choosing RndA and RndB with those bytes recreates the logged session. Decrypting the logged
        // cryptogram gives new key 00102030405060708090A0B0B0A09080, version 10.
        var rndB = "D8100044" + "1111111111111111" + "4D7AB17C";
        var rndA = Hex.Bytes("C2A1E47B" + "2222222222222222" + "FE6D00A7");
        var (card, host) = CardFactory.WithApplication(new FixedRandomSource(rndB), DesfireKeyType.Aes, ZeroAes, ZeroAes);
        host.AuthenticateAes(0, ZeroAes, rndA);
        Assert.Equal(TestVectors.Get("ev1_aes_change_key_other_key", "sessionKey"), Hex.Of(host.SessionKey!));

        var reply = host.Transmit(DesfireTestHost.Wrap(0xC4, [0x01, .. Hex.Bytes(TestVectors.Get("ev1_aes_change_key_other_key", "encryptedCryptogram"))]));

        Assert.Equal(TestVectors.Get("ev1_aes_change_key_other_key", "cardCmac") + "9100", Hex.Of(reply));
        Assert.Equal("00102030405060708090A0B0B0A09080", Hex.Of(card.State.FindApplication(1)!.GetKey(1).Value));
        Assert.Equal(0x10, card.State.FindApplication(1)!.GetKey(1).Version);
        Assert.Equal(0, card.Model.AuthenticatedKeyNumber);
    }

    [Fact]
    public void EncipheredWriteThenRead_ConsistencyVectors_ExactReplies()
    {
        var (card, host) = CardFactory.WithApplication(new FixedRandomSource(TestVectors.Get("ev1_aes_auth", 0, "rndB")), DesfireKeyType.Aes, ZeroAes);
        host.Expect(0xCD, Hex.Bytes("01 03 0000 200000"));
        host.AuthenticateAes(0, ZeroAes, Hex.Bytes(TestVectors.Get("ev1_aes_auth", 0, "rndA")));

        var write = host.Transmit(Hex.Bytes("903D00002701000000100000 8B92CF2F4AD4F3CF425787A745A92CFFD06EDF5C56FF2B45966244C66548C350 00"));
        Assert.Equal("05E30FF2DE7F67F59100", Hex.Of(write));

        var read = host.Transmit(Hex.Bytes("90BD00000701000000100000 00"));
        Assert.Equal("51632EE5B93CF6CC125A23FE6B1910CE7F1661CEC12D6431A0176158CE2B5B039100", Hex.Of(read));
        Assert.Equal(Hex.Sequence(0x00, 0x0F), card.State.FindApplication(1)!.GetFiles().Single().GetData()[..16]);
    }

    [Fact]
    public void AuthenticateIso_3K3desTranscript_RepliesExactCryptogramsAndSessionKey()
    {
        var key = new byte[24];
        var ekRndB = TestVectors.Get("ev1_3k3des_auth", "ekRndB");
        var rndB = new HostCrypto(key, aes: false).CbcDecrypt(Hex.Bytes(ekRndB), new byte[8]);
        var (_, host) = CardFactory.WithApplication(new FixedRandomSource(Hex.Of(rndB)), DesfireKeyType.ThreeKeyTripleDes, key);

        Assert.Equal(ekRndB + "91AF", Hex.Of(host.Transmit(Hex.Bytes("901A0000010000"))));
        var answer = host.Transmit(DesfireTestHost.Wrap(0xAF, Hex.Bytes(TestVectors.Get("ev1_3k3des_auth", "hostToken"))));
        Assert.Equal(TestVectors.Get("ev1_3k3des_auth", "ekRndAPrime") + "9100", Hex.Of(answer));

        // The same exchange through the host derives the logged session key; the card's CMAC must verify under it.
        var (_, host2) = CardFactory.WithApplication(new FixedRandomSource(Hex.Of(rndB)), DesfireKeyType.ThreeKeyTripleDes, key);
        host2.AuthenticateIso(0, key, Hex.Bytes(TestVectors.Get("ev1_3k3des_auth", "rndA")));
        Assert.Equal(TestVectors.Get("ev1_3k3des_auth", "sessionKey"), Hex.Of(host2.SessionKey!));
        Assert.Equal([0x0F, 0x41], host2.Plain(0x45));
    }

    [Fact]
    public void AuthenticateIso_FactoryDesPiccKey_DesVectorAccepted()
    {
        var rndB = new HostCrypto(new byte[16], aes: false).CbcDecrypt(Hex.Bytes("5D994CE085F24089"), new byte[8]);
        var card = CardFactory.Blank(new FixedRandomSource(Hex.Of(rndB)));
        var host = new DesfireTestHost(card);

        Assert.Equal("5D994CE085F2408991AF", Hex.Of(host.Transmit(Hex.Bytes("901A0000010000"))));
        var answer = host.Transmit(DesfireTestHost.Wrap(0xAF, Hex.Bytes("21D0AD5F2FD97454A746CC80567F1B1C")));

        Assert.EndsWith("9100", Hex.Of(answer), StringComparison.Ordinal);
        Assert.Equal(0, card.Model.AuthenticatedKeyNumber);
    }

    [Fact]
    public void AuthenticateIso_FactoryDesPiccKey_SessionKeyIsVectorValue()
    {
        var rndB = new HostCrypto(new byte[16], aes: false).CbcDecrypt(Hex.Bytes("5D994CE085F24089"), new byte[8]);
        var host = new DesfireTestHost(CardFactory.Blank(new FixedRandomSource(Hex.Of(rndB))));

        host.AuthenticateIso(0, new byte[16], Hex.Bytes("849B36C5F8BF4A09"));

        Assert.Equal("849B36C54FD1B759849B36C54FD1B759", Hex.Of(host.SessionKey!));
        Assert.Equal([0x0F, 0x01], host.Plain(0x45));
    }

    [Fact]
    public void GetVersion_8kCardWithVectorIdentity_ThreeExactFrames()
    {
        var state = new DesfireCardState(DesfireStorageSize.EightKilobytes, Hex.Bytes("04063F72633480"), Hex.Bytes("BA4519E320"), 0x49, 0x13);
        var card = new MedBlocks.Simulator.Card.SimulatedDesfireCard(state);
        card.PowerOn();

        Assert.Equal("04010101001A0591AF", Hex.Of(card.Process(Hex.Bytes("9060000000"))));
        Assert.Equal("04010101041A0591AF", Hex.Of(card.Process(Hex.Bytes("90AF000000"))));
        Assert.Equal("04063F72633480BA4519E32049139100", Hex.Of(card.Process(Hex.Bytes("90AF000000"))));
    }

    [Theory]
    [InlineData(DesfireStorageSize.TwoKilobytes, "16")]
    [InlineData(DesfireStorageSize.FourKilobytes, "18")]
    public void GetVersion_StorageSize_StorageByte(DesfireStorageSize size, string storageByte)
    {
        var card = CardFactory.Blank(size: size);
        Assert.Equal("0401010100" + storageByte + "0591AF", Hex.Of(card.Process(Hex.Bytes("9060000000"))));
    }
}
