using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Tests.Support;

namespace MedBlocks.Simulator.Tests.Card;

public sealed class CardImageTests : IDisposable
{
    private static readonly byte[] AppKey = Hex.Bytes("00112233445566778899AABBCCDDEEFF");
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"medblocks-card-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void NewBlank_NoUid_RandomNxpUidAndFactoryState()
    {
        var state = CardImage.NewBlank(DesfireStorageSize.EightKilobytes);
        var other = CardImage.NewBlank(DesfireStorageSize.EightKilobytes);

        Assert.Equal(7, state.Uid.Length);
        Assert.Equal(0x04, state.Uid[0]);
        Assert.NotEqual(Hex.Of(state.Uid), Hex.Of(other.Uid));
        Assert.Equal(0x0F, state.PiccKeySettings);
        Assert.True(state.PiccKey.IsSingleDes);
        Assert.Equal(0, state.PiccKey.Version);
        Assert.Equal(8192, state.FreeBytes);
    }

    [Fact]
    public void NewBlank_UidOfWrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => CardImage.NewBlank(DesfireStorageSize.TwoKilobytes, new byte[4]));
    }

    [Fact]
    public void SaveLoad_PersonalisedCard_SameStateAndContent()
    {
        var card = Personalised();
        CardImage.Save(card.State, _path);

        var loaded = CardImage.Load(_path);

        Assert.Equal(CardImage.Serialize(card.State), CardImage.Serialize(loaded));
        var reloaded = new SimulatedDesfireCard(loaded, new FixedRandomSource());
        reloaded.PowerOn();
        var host = new DesfireTestHost(reloaded);
        host.Expect(0x5A, Hex.Bytes("31424D"));
        host.AuthenticateAes(1, AppKey, Hex.Sequence(1, 16));
        Assert.Equal("48656C6C6F", Hex.Of(host.ReadEnciphered(0xBD, Hex.Bytes("01 000000 050000"), 5)));
        Assert.Equal("A1A2A3A4", Hex.Of(host.Plain(0xBB, Hex.Bytes("04 000000 000000"))));
        Assert.Equal(card.State.FreeBytes, loaded.FreeBytes);
    }

    [Fact]
    public void Save_UncommittedBackupWrite_NotInImage()
    {
        var card = Personalised();
        var host = new DesfireTestHost(card);
        host.Expect(0x5A, Hex.Bytes("31424D"));
        host.AuthenticateAes(1, AppKey, Hex.Sequence(1, 16));
        host.WriteEnciphered(0x3D, Hex.Bytes("01 000000 050000"), Hex.Bytes("5757575757"));

        var loaded = CardImage.Deserialize(CardImage.Serialize(card.State));

        Assert.Equal("48656C6C6F", Hex.Of(loaded.FindApplication(0x4D4231)!.GetFiles().First().GetData().AsSpan(0, 5)));
    }

    [Fact]
    public void Deserialize_OtherVersion_FormatException()
    {
        var json = CardImage.Serialize(CardImage.NewBlank(DesfireStorageSize.TwoKilobytes)).Replace("\"version\": 1", "\"version\": 9", StringComparison.Ordinal);
        var e = Assert.Throws<CardImageFormatException>(() => CardImage.Deserialize(json));
        Assert.Contains("version 9", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{\"format\":\"something-else\",\"version\":1}")]
    public void Deserialize_NotAnImage_FormatException(string json)
    {
        Assert.Throws<CardImageFormatException>(() => CardImage.Deserialize(json));
    }

    [Fact]
    public void Deserialize_BadHex_FormatException()
    {
        var json = CardImage.Serialize(CardImage.NewBlank(DesfireStorageSize.TwoKilobytes, Hex.Bytes("04010203040506")))
            .Replace("04010203040506", "04ZZ", StringComparison.Ordinal);
        Assert.Throws<CardImageFormatException>(() => CardImage.Deserialize(json));
    }

    /// <summary>Profile-like card: AES PICC key, app 4D4231 with 3 AES keys, enciphered backup file and MACed cyclic file.</summary>
    private static SimulatedDesfireCard Personalised()
    {
        var card = CardFactory.Blank(size: DesfireStorageSize.EightKilobytes);
        var host = new DesfireTestHost(card);
        host.AuthenticateIso(0, new byte[16], Hex.Sequence(1, 8));
        host.ChangeKey(0x80, Hex.Sequence(0x20, 0x2F), 0x02, oldKey: null);
        host.AuthenticateAes(0, Hex.Sequence(0x20, 0x2F), Hex.Sequence(1, 16));
        host.Plain(0xCA, Hex.Bytes("31424D 0B 83"));
        host.Expect(0x5A, Hex.Bytes("31424D"));
        host.AuthenticateAes(0, new byte[16], Hex.Sequence(1, 16));
        host.ChangeKey(1, AppKey, 0x05, new byte[16]);
        host.Plain(0xCB, Hex.Bytes("01 03 1110 200000"));
        host.Plain(0xC0, Hex.Bytes("04 01 1111 040000 050000"));
        host.AuthenticateAes(1, AppKey, Hex.Sequence(1, 16));
        host.WriteEnciphered(0x3D, Hex.Bytes("01 000000 050000"), Hex.Bytes("48656C6C6F"));
        host.WriteMaced(0x3B, Hex.Bytes("04 000000 040000"), Hex.Bytes("A1A2A3A4"));
        host.Plain(0xC7);
        return card;
    }
}
