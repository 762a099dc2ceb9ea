using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Desfire.SecureMessaging;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire.SecureMessaging;

public sealed class Ev1SecureChannelTests
{
    private static readonly System.Text.Json.JsonElement PlainSession = DesfireVectors.Get("ev1_aes_plain_session_after_auth2");

    private static Ev1SecureChannel PlainSessionChannel() => new(DesfireKeyType.Aes, PlainSession.Bytes("sessionKey"));

    private static Ev1SecureChannel VerifiedAesChannel() => new(DesfireKeyType.Aes, DesfireVectors.Get("ev1_aes_auth")[0].Bytes("sessionKey"));

    [Fact]
    public void VerifyResponseMac_CreateFileStep_AcceptsRecordedMacAfterCommandMac()
    {
        using var channel = PlainSessionChannel();

        channel.MacCommand(0xCD, Hex.Parse("05001100500000"));
        var data = channel.VerifyResponseMac(Hex.Parse("A75316AD1596B953"));

        Assert.True(data.IsEmpty);
    }

    [Fact]
    public void VerifyResponseMac_WithoutCommandMac_RejectsRecordedMac()
    {
        // The command CMAC moves the IV; skipping it must break the answer's MAC.
        using var channel = PlainSessionChannel();

        Assert.Throws<DesfireIntegrityException>(() => channel.VerifyResponseMac(Hex.Parse("A75316AD1596B953")));
    }

    [Fact]
    public void VerifyResponseMac_GetFileIdsStep_ReturnsDataWithoutMac()
    {
        using var channel = PlainSessionChannel();
        channel.MacCommand(0xCD, Hex.Parse("05001100500000"));
        channel.VerifyResponseMac(Hex.Parse("A75316AD1596B953"));

        channel.MacCommand(0x6F, default);
        var data = channel.VerifyResponseMac(Hex.Parse("052D5FF67FFEC9D2D3"));

        Assert.Equal(new byte[] { 0x05 }, data.ToArray());
    }

    [Fact]
    public void VerifyResponseMac_ShorterThanMac_ThrowsIntegrityError()
    {
        using var channel = PlainSessionChannel();

        Assert.Throws<DesfireIntegrityException>(() => channel.VerifyResponseMac(Hex.Parse("A75316AD1596B9")));
    }

    [Fact]
    public void EncipherCommandData_WriteDataVector_MatchesCryptogram()
    {
        using var channel = VerifiedAesChannel();

        var cryptogram = channel.EncipherCommandData(0x3D, Hex.Parse("01000000100000"), Hex.Sequence(0, 15));

        Assert.Equal(Hex.Parse("8B92CF2F4AD4F3CF425787A745A92CFFD06EDF5C56FF2B45966244C66548C350"), cryptogram);
        Assert.Equal(cryptogram[16..], channel.CurrentIv);
    }

    [Fact]
    public void DecipherResponse_ReadDataVector_ReturnsDataAfterCommandMacIv()
    {
        using var channel = VerifiedAesChannel();
        channel.EncipherCommandData(0x3D, Hex.Parse("01000000100000"), Hex.Sequence(0, 15));
        channel.VerifyResponseMac(Hex.Parse("05E30FF2DE7F67F5"));

        channel.MacCommand(0xBD, Hex.Parse("01000000100000"));
        Assert.Equal(Hex.Parse("F9580F9A9C9B2EFF6B2264265250A5E7"), channel.CurrentIv);
        var cipher = Hex.Parse("51632EE5B93CF6CC125A23FE6B1910CE7F1661CEC12D6431A0176158CE2B5B03");
        var data = channel.DecipherResponse(cipher, 16);

        Assert.Equal(Hex.Sequence(0, 15), data);
        Assert.Equal(cipher[16..], channel.CurrentIv);
    }

    [Fact]
    public void DecipherResponse_UnknownLength_FindsCrcByScanning()
    {
        using var channel = VerifiedAesChannel();
        channel.EncipherCommandData(0x3D, Hex.Parse("01000000100000"), Hex.Sequence(0, 15));
        channel.VerifyResponseMac(Hex.Parse("05E30FF2DE7F67F5"));
        channel.MacCommand(0xBD, Hex.Parse("01000000100000"));

        var data = channel.DecipherResponse(Hex.Parse("51632EE5B93CF6CC125A23FE6B1910CE7F1661CEC12D6431A0176158CE2B5B03"), null);

        Assert.Equal(Hex.Sequence(0, 15), data);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(31)]
    public void DecipherResponse_AnyFlippedBit_ThrowsIntegrityError(int index)
    {
        using var channel = VerifiedAesChannel();
        channel.EncipherCommandData(0x3D, Hex.Parse("01000000100000"), Hex.Sequence(0, 15));
        channel.VerifyResponseMac(Hex.Parse("05E30FF2DE7F67F5"));
        channel.MacCommand(0xBD, Hex.Parse("01000000100000"));
        var cipher = Hex.Parse("51632EE5B93CF6CC125A23FE6B1910CE7F1661CEC12D6431A0176158CE2B5B03");
        cipher[index] ^= 0x01;

        Assert.Throws<DesfireIntegrityException>(() => channel.DecipherResponse(cipher, 16));
    }

    [Fact]
    public void DecipherResponse_PartialBlock_ThrowsIntegrityError()
    {
        using var channel = VerifiedAesChannel();

        Assert.Throws<DesfireIntegrityException>(() => channel.DecipherResponse(new byte[15], null));
    }

    [Fact]
    public void EncipherPadded_IsoPadding_AddsMarkerThenZeros()
    {
        using var channel = VerifiedAesChannel();
        using var cipher = new DesfireCipher(DesfireKeyType.Aes, DesfireVectors.Get("ev1_aes_auth")[0].Bytes("sessionKey"));

        var encrypted = channel.EncipherPadded(Hex.Sequence(1, 16), 0x80);
        var plain = new byte[32];
        cipher.DecryptCbc(encrypted, new byte[16], plain);

        Assert.Equal([.. Hex.Sequence(1, 16), 0x80, .. new byte[15]], plain);
    }
}
