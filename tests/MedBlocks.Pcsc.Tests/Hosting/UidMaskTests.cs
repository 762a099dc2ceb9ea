using MedBlocks.Pcsc.Hosting;

namespace MedBlocks.Pcsc.Tests.Hosting;

public sealed class UidMaskTests
{
    [Fact]
    public void Mask_SevenByteUid_ShowsOnlyFirstAndLastByte()
    {
        Assert.Equal("04**********80", UidMask.Mask([0x04, 0x12, 0x34, 0x56, 0x78, 0x9A, 0x80]));
    }

    [Fact]
    public void Mask_TwoBytes_ShowsNothing()
    {
        Assert.Equal("** (2 bytes)", UidMask.Mask([0x04, 0x12]));
    }

    [Fact]
    public void Mask_Empty_SaysNone()
    {
        Assert.Equal("(none)", UidMask.Mask([]));
    }

    [Fact]
    public void CardPresent_ToString_MasksUid()
    {
        var present = new CardPresent("R", new byte[] { 0x3B, 0x81 }, new byte[] { 0x04, 0x12, 0x34, 0x56, 0x78, 0x9A, 0x80 }, DateTimeOffset.UnixEpoch);

        var text = present.ToString();

        Assert.Equal("CardPresent { ReaderName = R, Atr = 3B81, Uid = 04**********80, Timestamp = 1970-01-01T00:00:00.0000000+00:00 }", text);
        Assert.DoesNotContain("123456789A", text, StringComparison.Ordinal);
    }
}
