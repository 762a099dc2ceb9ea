using MedBlocks.Simulator.Desfire;
using MedBlocks.Simulator.Tests.Support;

namespace MedBlocks.Simulator.Tests.Desfire;

/// <summary>The documented EEPROM model (<see cref="DesfireMemoryModel"/>), as FreeMemory reports it.</summary>
public sealed class DesfireCardModelMemoryTests
{
    private static int FreeMemory(DesfireTestHost host)
    {
        var data = host.Expect(0x6E, []);
        return data[0] | (data[1] << 8) | (data[2] << 16);
    }

    [Theory]
    [InlineData(DesfireStorageSize.TwoKilobytes, 2048)]
    [InlineData(DesfireStorageSize.FourKilobytes, 4096)]
    [InlineData(DesfireStorageSize.EightKilobytes, 8192)]
    public void FreeMemory_BlankCard_WholeEeprom(DesfireStorageSize size, int expected)
    {
        Assert.Equal(expected, FreeMemory(new DesfireTestHost(CardFactory.Blank(size: size))));
    }

    [Fact]
    public void FreeMemory_AfterCreates_FollowsBlockModel()
    {
        var host = new DesfireTestHost(CardFactory.Blank());
        host.Expect(0xCA, Hex.Bytes("010000 0F 85"));
        Assert.Equal(4096 - 160, FreeMemory(host));
        host.Expect(0x5A, Hex.Bytes("010000"));

        host.Expect(0xCD, Hex.Bytes("01 00 EEEE 200000"));
        Assert.Equal(4096 - 160 - 64, FreeMemory(host));
        host.Expect(0xCB, Hex.Bytes("02 00 EEEE 640000"));
        Assert.Equal(4096 - 160 - 64 - 288, FreeMemory(host));
        host.Expect(0xC0, Hex.Bytes("03 00 EEEE 200000 0A0000"));
        Assert.Equal(4096 - 160 - 64 - 288 - 352, FreeMemory(host));
        host.Expect(0xC1, Hex.Bytes("04 00 EEEE 0A0000 030000"));
        Assert.Equal(4096 - 160 - 64 - 288 - 352 - 96, FreeMemory(host));
    }

    [Fact]
    public void DeleteFile_MemoryStaysAllocatedUntilFormat()
    {
        var card = CardFactory.Blank();
        var host = new DesfireTestHost(card);
        host.Expect(0xCA, Hex.Bytes("010000 0F 81"));
        host.Expect(0x5A, Hex.Bytes("010000"));
        host.Expect(0xCD, Hex.Bytes("01 00 EEEE 000200"));
        var before = FreeMemory(host);

        host.Expect(0xDF, [0x01]);
        Assert.Equal(before, FreeMemory(host));

        host.Expect(0x5A, Hex.Bytes("000000"));
        host.AuthenticateIso(0, new byte[16], Hex.Sequence(1, 8));
        host.Plain(0xFC);
        host.EndSession();
        Assert.Equal(4096, FreeMemory(host));
        Assert.Empty(card.State.GetApplications());
    }

    [Fact]
    public void CreateFile_UntilFull_OutOfEepromThenNothingAllocated()
    {
        var host = new DesfireTestHost(CardFactory.Blank(size: DesfireStorageSize.TwoKilobytes));
        host.Expect(0xCA, Hex.Bytes("010000 0F 81"));
        host.Expect(0x5A, Hex.Bytes("010000"));
        host.Expect(0xCD, Hex.Bytes("01 00 EEEE 000700"));
        var free = FreeMemory(host);
        Assert.Equal(2048 - 64 - 32 - 1792, free);

        Assert.Equal(0x0E, host.Exchange(0xCB, Hex.Bytes("02 00 EEEE 600000")).Status);
        Assert.Equal(free, FreeMemory(host));
        host.Expect(0xCD, Hex.Bytes("02 00 EEEE 600000"));
        Assert.Equal(32, FreeMemory(host));
    }
}
