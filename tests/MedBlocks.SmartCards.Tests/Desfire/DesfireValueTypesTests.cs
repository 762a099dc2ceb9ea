using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Desfire.Crypto;
using MedBlocks.SmartCards.Tests.TestSupport;

namespace MedBlocks.SmartCards.Tests.Desfire;

public sealed class DesfireValueTypesTests
{
    [Fact]
    public void DesfireAid_MedBlocksApplication_IsSentLsbFirst()
    {
        var aid = new DesfireAid(0x4D4231);

        Assert.Equal(Hex.Parse("31424D"), aid.ToWire());
        Assert.Equal(aid, DesfireAid.FromWire(Hex.Parse("31424D")));
        Assert.Equal("4D4231", aid.ToString());
    }

    [Fact]
    public void DesfireAid_Above24Bits_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DesfireAid(0x1000000));
    }

    [Fact]
    public void AccessRights_SpecExample1100_DecodesNibbles()
    {
        var rights = AccessRights.FromWire(Hex.Parse("1100"));

        Assert.Equal(new AccessRights(read: 0, write: 0, readWrite: 1, change: 1), rights);
    }

    [Fact]
    public void AccessRights_ProfileIdentityFile_EncodesLittleEndian()
    {
        // Read K2, write K1, read&write K1, change K0.
        var wire = new byte[2];
        new AccessRights(read: 2, write: 1, readWrite: 1, change: 0).WriteTo(wire);

        Assert.Equal(Hex.Parse("1021"), wire);
    }

    [Fact]
    public void AccessRights_NibbleAboveF_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AccessRights(0x10, 0, 0, 0));
    }

    [Fact]
    public void FileSettings_CyclicRecordFile_ParsesRecordFields()
    {
        var settings = DesfireFileSettings.Parse(Hex.Parse("0401202E2000000A0000030000"));

        Assert.Equal(
            new DesfireRecordFileSettings(DesfireFileType.CyclicRecord, DesfireCommMode.Maced, new AccessRights(2, 0xE, 2, 0), 32, 10, 3),
            settings);
    }

    [Theory]
    [InlineData("0003" + "0123" + "400000", DesfireCommMode.Enciphered, DesfireCommMode.Enciphered)]
    [InlineData("0003" + "00E1" + "400000", DesfireCommMode.Plain, DesfireCommMode.Enciphered)]
    [InlineData("0001" + "E012" + "400000", DesfireCommMode.Plain, DesfireCommMode.Plain)]
    [InlineData("0103" + "201E" + "400000", DesfireCommMode.Enciphered, DesfireCommMode.Plain)]
    public void FileSettings_FreeRights_ReadAndWriteTravelPlain(string wire, DesfireCommMode read, DesfireCommMode write)
    {
        // AR wire bytes LE: "00E1" = 0xE100 → Read E, Write 1; "E012" = 0x12E0 → ReadWrite E; "201E" = 0x1E20 → Write E.
        var settings = DesfireFileSettings.Parse(Hex.Parse(wire));

        Assert.Equal(read, settings.ReadCommMode);
        Assert.Equal(write, settings.WriteCommMode);
    }

    [Fact]
    public void FileSettings_ValueFile_ParsesLimits()
    {
        var settings = DesfireFileSettings.Parse(Hex.Parse("0203EEEE00000000E803000064000000" + "01"));

        Assert.Equal(new DesfireValueFileSettings(DesfireCommMode.Enciphered, new AccessRights(0xE, 0xE, 0xE, 0xE), 0, 1000, 100, true), settings);
    }

    [Fact]
    public void FileSettings_CommByte02_IsPlain()
    {
        Assert.Equal(DesfireCommMode.Plain, DesfireFileSettings.ParseCommMode(0x02));
    }

    [Theory]
    [InlineData("000011005000")]
    [InlineData("0401E02E2000000A000003")]
    [InlineData("07000000")]
    public void FileSettings_TruncatedOrUnknown_ThrowsProtocolError(string hex)
    {
        Assert.Throws<DesfireProtocolException>(() => DesfireFileSettings.Parse(Hex.Parse(hex)));
    }

    [Theory]
    [InlineData("0F01", 0x0F, 1, DesfireKeyType.TwoKey3Des)]
    [InlineData("0B85", 0x0B, 5, DesfireKeyType.Aes)]
    [InlineData("0F43", 0x0F, 3, DesfireKeyType.ThreeKey3Des)]
    public void KeySettings_Answer_ParsesTypeAndCount(string hex, byte settings, int count, DesfireKeyType type)
    {
        Assert.Equal(new DesfireKeySettings(settings, count, type), DesfireKeySettings.Parse(Hex.Parse(hex)));
    }
}
