using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Desfire.SecureMessaging;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire;

/// <summary>Wire layout of each command (unauthenticated, so the bytes are the plain command) and parsing of its answer.</summary>
public sealed class DesfireSessionCommandEncodingTests
{
    private static readonly byte[] SessionKey = Hex.Sequence(0x50, 0x5F);

    [Fact]
    public async Task CreateApplicationAsync_MedBlocksProfile_EncodesAidSettingsAndAesKeyCount()
    {
        var (card, session) = Plain("9100");

        await session.CreateApplicationAsync(new DesfireAid(0x4D4231), 0x09, 5, DesfireKeyType.Aes);

        Assert.Equal("90CA00000531424D098500", Hex.Of(card.Sent.Single()));
    }

    [Fact]
    public async Task GetApplicationIdsAsync_ChainedAnswer_ReturnsEveryAid()
    {
        var first = Enumerable.Range(1, 19).SelectMany(i => new DesfireAid((uint)i).ToWire()).ToArray();
        var (card, session) = Plain(Hex.Of(first) + "91AF", "31424D9100");

        var aids = await session.GetApplicationIdsAsync();

        Assert.Equal(20, aids.Count);
        Assert.Equal(new DesfireAid(0x4D4231), aids[^1]);
        Assert.Equal(["906A000000", "90AF000000"], card.Sent.Select(s => Hex.Of(s)));
    }

    [Fact]
    public async Task GetApplicationIdsAsync_LengthNotMultipleOfThree_ThrowsProtocolError()
    {
        var (_, session) = Plain("31429100");

        await Assert.ThrowsAsync<DesfireProtocolException>(() => session.GetApplicationIdsAsync());
    }

    [Fact]
    public async Task DeleteApplicationAsync_Aid_EncodesLsbFirst()
    {
        var (card, session) = Plain("9100");

        await session.DeleteApplicationAsync(new DesfireAid(0x4D4231));

        Assert.Equal("90DA00000331424D00", Hex.Of(card.Sent.Single()));
    }

    [Fact]
    public async Task CreateBackupDataFileAsync_IdentityFile_EncodesHeader()
    {
        var (card, session) = Plain("9100");

        await session.CreateBackupDataFileAsync(1, DesfireCommMode.Enciphered, new AccessRights(2, 1, 1, 0), 0x140);

        Assert.Equal("90CB0000070103102140010000", Hex.Of(card.Sent.Single()));
    }

    [Fact]
    public async Task CreateCyclicRecordFileAsync_AccessLog_EncodesRecordSizeAndCount()
    {
        var (card, session) = Plain("9100");

        await session.CreateCyclicRecordFileAsync(4, DesfireCommMode.Maced, new AccessRights(2, 2, 3, 0), 32, 10);

        Assert.Equal("90C000000A04013022200000" + "0A000000", Hex.Of(card.Sent.Single()));
    }

    [Fact]
    public async Task ReadRecordsAsync_TwoRecords_EncodesOffsetAndCount()
    {
        var (card, session) = Plain(Hex.Of(new byte[64]) [..118] + "91AF", Hex.Of(new byte[5]) + "9100");

        var records = await session.ReadRecordsAsync(4, 0, 2, DesfireCommMode.Plain, recordSize: 32);

        Assert.Equal(64, records.Length);
        Assert.Equal("90BB0000070400000002000000", Hex.Of(card.Sent[0]));
    }

    [Fact]
    public async Task CommitAndAbortTransactionAsync_SendBareCommands()
    {
        var (card, session) = Plain("9100", "9100");

        await session.CommitTransactionAsync();
        await session.AbortTransactionAsync();

        Assert.Equal(["90C7000000", "90A7000000"], card.Sent.Select(s => Hex.Of(s)));
    }

    [Fact]
    public async Task FreeMemoryAsync_ThreeByteAnswer_DecodesLittleEndian()
    {
        var (card, session) = Plain("0010009100");

        Assert.Equal(4096, await session.FreeMemoryAsync());
        Assert.Equal("906E000000", Hex.Of(card.Sent.Single()));
    }

    [Fact]
    public async Task GetKeySettingsAsync_FactoryPicc_Parses0F01()
    {
        var (card, session) = Plain("0F019100");

        Assert.Equal(new DesfireKeySettings(0x0F, 1, DesfireKeyType.TwoKey3Des), await session.GetKeySettingsAsync());
        Assert.Equal("9045000000", Hex.Of(card.Sent.Single()));
    }

    [Fact]
    public async Task GetKeyVersionAsync_Key2_ReturnsVersion()
    {
        var (card, session) = Plain("109100");

        Assert.Equal(0x10, await session.GetKeyVersionAsync(2));
        Assert.Equal("90640000010200", Hex.Of(card.Sent.Single()));
    }

    [Fact]
    public async Task FormatPiccAsync_Authenticated_VerifiesCardCmac()
    {
        using var cardSide = new Ev1SecureChannel(DesfireKeyType.Aes, SessionKey);
        cardSide.MacCommand(0xFC, default);
        var card = new ScriptedCardTransport().Reply(cardSide.MacResponse(default), [0x91, 0x00]);
        using var session = Resumed(card);

        await session.FormatPiccAsync();

        Assert.Equal("90FC000000", Hex.Of(card.Sent.Single()));
        Assert.True(session.IsAuthenticated);
    }

    [Fact]
    public async Task ChangeKeySettingsAsync_Authenticated_EnciphersSettingsWithCrcOverCommand()
    {
        using var cardSide = new Ev1SecureChannel(DesfireKeyType.Aes, SessionKey);
        var expected = cardSide.EncipherCommandData(0x54, default, [0x09]);
        var card = new ScriptedCardTransport().Reply(cardSide.MacResponse(default), [0x91, 0x00]);
        using var session = Resumed(card);

        await session.ChangeKeySettingsAsync(0x09);

        Assert.Equal([0x90, 0x54, 0x00, 0x00, 0x10, .. expected, 0x00], card.Sent.Single());
        using var cipher = new DesfireCipher(DesfireKeyType.Aes, SessionKey);
        var plain = new byte[16];
        cipher.DecryptCbc(expected, new byte[16], plain);
        Assert.Equal(0x09, plain[0]);
        Assert.Equal(DesfireCrc32.Compute([0x54, 0x09]), BitConverter.ToUInt32(plain, 1));
    }

    [Fact]
    public async Task SetPiccConfigurationAsync_RandomUid_SendsOptionPlainAndFlagsEnciphered()
    {
        using var cardSide = new Ev1SecureChannel(DesfireKeyType.Aes, SessionKey);
        var expected = cardSide.EncipherCommandData(0x5C, [0x00], [0x02]);
        var card = new ScriptedCardTransport().Reply(cardSide.MacResponse(default), [0x91, 0x00]);
        using var session = Resumed(card);

        await session.SetPiccConfigurationAsync(disableFormat: false, enableRandomUid: true);

        Assert.Equal([0x90, 0x5C, 0x00, 0x00, 0x11, 0x00, .. expected, 0x00], card.Sent.Single());
    }

    private static (ScriptedCardTransport Card, DesfireSession Session) Plain(params string[] replies)
    {
        var card = new ScriptedCardTransport();
        foreach (var reply in replies)
        {
            card.Reply(reply);
        }

        return (card, new DesfireSession(card));
    }

    private static DesfireSession Resumed(ScriptedCardTransport card)
    {
        var session = new DesfireSession(card);
        session.ResumeSecureChannel(new Ev1SecureChannel(DesfireKeyType.Aes, SessionKey), 0);
        return session;
    }
}
