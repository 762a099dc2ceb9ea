using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire;

public sealed class DesfireSessionVersionTests
{
    [Fact]
    public async Task GetVersionAsync_RealEv1EightKilobyteFrames_ParsesEveryField()
    {
        var card = ScriptVersionFrames(new ScriptedCardTransport(), mac: []);
        using var session = new DesfireSession(card);

        var version = await session.GetVersionAsync();

        Assert.Equal(new DesfireVersionPart(0x04, 0x01, 0x01, 0x01, 0x00, 0x1A, 0x05), version.Hardware);
        Assert.Equal(new DesfireVersionPart(0x04, 0x01, 0x01, 0x01, 0x04, 0x1A, 0x05), version.Software);
        Assert.Equal(8192, version.Hardware.StorageSize);
        Assert.False(version.Hardware.StorageSizeIsLowerBound);
        Assert.Equal(DesfireProduct.Ev1, version.Product);
        Assert.Equal(Hex.Parse("04063F72633480"), version.Uid.ToArray());
        Assert.Equal(Hex.Parse("BA4519E320"), version.BatchNumber.ToArray());
        Assert.Equal(49, version.ProductionWeek);
        Assert.Equal(2013, version.ProductionYear);
        Assert.Equal(["9060000000", "90AF000000", "90AF000000"], card.Sent.Select(s => Hex.Of(s)));
    }

    [Fact]
    public async Task GetVersionAsync_AuthenticatedWithDesTranscript_VerifiesRecordedCmacOverAllFrames()
    {
        var rndA = Hex.Parse("849B36C5F8BF4A09");
        var token = Hex.Parse("21D0AD5F2FD97454A746CC80567F1B1C");
        var card = new ScriptedCardTransport()
            .Reply(Hex.Parse("5D994CE085F24089"), [0x91, 0xAF])
            .Reply(CardSide.EncryptRotatedRndA(DesfireKeyType.TwoKey3Des, new byte[16], rndA, token), [0x91, 0x00]);
        ScriptVersionFrames(card, Hex.Parse("CDC810BAFA401759"));
        using var session = new DesfireSession(card, new FixedDesfireRandom(rndA));
        using var key = DesfireKey.FactoryDefault();
        await session.AuthenticateAsync(0, key);

        var version = await session.GetVersionAsync();

        Assert.Equal(DesfireProduct.Ev1, version.Product);
        Assert.True(session.IsAuthenticated);
    }

    [Theory]
    [InlineData(0x00, DesfireProduct.Mf3Icd40)]
    [InlineData(0x01, DesfireProduct.Ev1)]
    [InlineData(0x12, DesfireProduct.Ev2)]
    [InlineData(0x22, DesfireProduct.Ev2Xl)]
    [InlineData(0x33, DesfireProduct.Ev3)]
    [InlineData(0x42, DesfireProduct.Unknown)]
    public void Parse_HardwareMajor_NamesProduct(byte major, DesfireProduct product)
    {
        var data = Hex.Parse("04010101001A0504010101041A0504063F72633480BA4519E3204913");
        data[3] = major;

        Assert.Equal(product, DesfireVersion.Parse(data).Product);
    }

    [Theory]
    [InlineData(0x16, 2048, false)]
    [InlineData(0x18, 4096, false)]
    [InlineData(0x1A, 8192, false)]
    [InlineData(0x19, 4096, true)]
    public void StorageSize_StorageByte_DecodesPowerOfTwo(byte storage, int size, bool lowerBound)
    {
        var part = new DesfireVersionPart(4, 1, 1, 1, 0, storage, 5);

        Assert.Equal(size, part.StorageSize);
        Assert.Equal(lowerBound, part.StorageSizeIsLowerBound);
    }

    [Fact]
    public void Parse_WrongLength_ThrowsProtocolError()
    {
        Assert.Throws<DesfireProtocolException>(() => DesfireVersion.Parse(new byte[27]));
    }

    private static ScriptedCardTransport ScriptVersionFrames(ScriptedCardTransport card, byte[] mac)
    {
        var vector = DesfireVectors.Get("get_version_ev1_8k");
        var frames = vector.GetProperty("frames").EnumerateArray().Select(f => f.Bytes()).ToArray();
        var statuses = vector.GetProperty("statusWords").EnumerateArray().Select(f => f.Bytes()).ToArray();
        return card.Reply(frames[0], statuses[0]).Reply(frames[1], statuses[1]).Reply(frames[2], mac, statuses[2]);
    }
}
