using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Desfire.SecureMessaging;
using MedBlocks.SmartCards.Tests.TestSupport;
using MedBlocks.SmartCards.Transport;

namespace MedBlocks.SmartCards.Tests.Desfire;

public sealed class DesfireSessionErrorTests
{
    public static TheoryData<byte, string> ErrorStatuses() => new()
    {
        { 0x0C, "NO_CHANGES" },
        { 0x0E, "OUT_OF_EEPROM" },
        { 0x1C, "ILLEGAL_COMMAND" },
        { 0x1E, "INTEGRITY_ERROR" },
        { 0x40, "NO_SUCH_KEY" },
        { 0x7E, "LENGTH_ERROR" },
        { 0x9D, "PERMISSION_DENIED" },
        { 0x9E, "PARAMETER_ERROR" },
        { 0xA0, "APPLICATION_NOT_FOUND" },
        { 0xA1, "APPL_INTEGRITY" },
        { 0xAE, "AUTHENTICATION_ERROR" },
        { 0xBE, "BOUNDARY_ERROR" },
        { 0xC1, "PICC_INTEGRITY" },
        { 0xCA, "COMMAND_ABORTED" },
        { 0xCD, "PICC_DISABLED" },
        { 0xCE, "COUNT_ERROR" },
        { 0xDE, "DUPLICATE_ERROR" },
        { 0xEE, "EEPROM_ERROR" },
        { 0xF0, "FILE_NOT_FOUND" },
        { 0xF1, "FILE_INTEGRITY" },
    };

    [Theory]
    [MemberData(nameof(ErrorStatuses))]
    public async Task Command_ErrorStatus_ThrowsDesfireExceptionNamedFromTableAndEndsSession(byte code, string name)
    {
        var card = new ScriptedCardTransport().Reply(new byte[] { 0x91, code });
        using var session = new DesfireSession(card);
        session.ResumeSecureChannel(new Ev1SecureChannel(DesfireKeyType.Aes, new byte[16]), 0);

        var error = await Assert.ThrowsAsync<DesfireException>(() => session.GetFileSettingsAsync(1));

        Assert.Equal(code, (byte)error.Status);
        Assert.Equal(name, error.Status.ToSpecName());
        Assert.Equal(0xF5, error.Command);
        Assert.Contains(name, error.Message, StringComparison.Ordinal);
        Assert.False(session.IsAuthenticated);
    }

    [Theory]
    [InlineData(0x00, "OK")]
    [InlineData(0xAF, "ADDITIONAL_FRAME")]
    [InlineData(0x42, "UNKNOWN_42")]
    public void ToSpecName_NonErrorAndUnknownCodes_AreNamed(byte code, string name)
    {
        Assert.Equal(name, ((DesfireStatus)code).ToSpecName());
    }

    [Fact]
    public async Task Command_TruncatedAnswer_ThrowsProtocolErrorAndEndsSession()
    {
        var card = new ScriptedCardTransport().Reply("91");
        using var session = new DesfireSession(card);
        session.ResumeSecureChannel(new Ev1SecureChannel(DesfireKeyType.Aes, new byte[16]), 0);

        await Assert.ThrowsAsync<DesfireProtocolException>(() => session.GetFileIdsAsync());
        Assert.False(session.IsAuthenticated);
    }

    [Fact]
    public async Task Command_AnswerWithoutMacWhileAuthenticated_ThrowsIntegrityError()
    {
        var card = new ScriptedCardTransport().Reply("059100");
        using var session = new DesfireSession(card);
        session.ResumeSecureChannel(new Ev1SecureChannel(DesfireKeyType.Aes, new byte[16]), 0);

        await Assert.ThrowsAsync<DesfireIntegrityException>(() => session.GetFileIdsAsync());
    }

    [Fact]
    public async Task GetApplicationIdsAsync_EndlessChaining_ThrowsProtocolError()
    {
        var card = new DelegateCardTransport((_, _) => [0x01, 0x02, 0x03, 0x91, 0xAF]);
        using var session = new DesfireSession(card, framing: new DesfireFramingOptions { MaxResponseFrames = 50 });

        await Assert.ThrowsAsync<DesfireProtocolException>(() => session.GetApplicationIdsAsync());
        Assert.Equal(50, card.Count);
    }

    [Fact]
    public async Task WriteDataAsync_OffsetBeyond24Bits_ThrowsBeforeSending()
    {
        var card = new ScriptedCardTransport();
        using var session = new DesfireSession(card);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => session.WriteDataAsync(1, 0x1000000, new byte[1], DesfireCommMode.Plain));
        Assert.Empty(card.Sent);
    }

    [Fact]
    public async Task ReadDataAsync_InvalidFileNumber_ThrowsBeforeSending()
    {
        var card = new ScriptedCardTransport();
        using var session = new DesfireSession(card);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => session.ReadDataAsync(32, 0, 1, DesfireCommMode.Plain));
        Assert.Empty(card.Sent);
    }

    [Fact]
    public async Task ReadDataAsync_CancelledMidChain_ThrowsAndEndsSession()
    {
        using var cancellation = new CancellationTokenSource();
        var card = new DelegateCardTransport((_, token) =>
        {
            cancellation.Cancel();
            token.ThrowIfCancellationRequested();
            return [0x91, 0x00];
        });
        using var session = new DesfireSession(card);
        session.ResumeSecureChannel(new Ev1SecureChannel(DesfireKeyType.Aes, new byte[16]), 0);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.ReadDataAsync(1, 0, 200, DesfireCommMode.Plain, cancellation.Token));
        Assert.False(session.IsAuthenticated);
    }

    [Fact]
    public async Task Command_CardRemoved_PropagatesAndEndsSession()
    {
        var card = new DelegateCardTransport((_, _) => throw new CardRemovedException());
        using var session = new DesfireSession(card);
        session.ResumeSecureChannel(new Ev1SecureChannel(DesfireKeyType.Aes, new byte[16]), 0);

        await Assert.ThrowsAsync<CardRemovedException>(() => session.GetFileIdsAsync());
        Assert.False(session.IsAuthenticated);
    }

    [Fact]
    public async Task SelectApplicationAsync_Authenticated_EndsSessionAndSendsAidLsbFirst()
    {
        var card = new ScriptedCardTransport().Reply("9100");
        using var session = new DesfireSession(card);
        session.ResumeSecureChannel(new Ev1SecureChannel(DesfireKeyType.Aes, new byte[16]), 0);

        await session.SelectApplicationAsync(new DesfireAid(0x4D4231));

        Assert.Equal("905A00000331424D00", Hex.Of(card.Sent.Single()));
        Assert.False(session.IsAuthenticated);
        Assert.Equal(new DesfireAid(0x4D4231), session.SelectedApplication);
    }

    [Fact]
    public async Task SetConfigurationAsync_NotAuthenticated_Throws()
    {
        using var session = new DesfireSession(new ScriptedCardTransport());

        await Assert.ThrowsAsync<InvalidOperationException>(() => session.SetPiccConfigurationAsync(disableFormat: false, enableRandomUid: true));
    }
}
