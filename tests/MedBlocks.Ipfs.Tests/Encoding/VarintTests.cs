using MedBlocks.Ipfs.Encoding;

namespace MedBlocks.Ipfs.Tests.Encoding;

public sealed class VarintTests
{
    [Theory]
    [InlineData(0UL, new byte[] { 0x00 })]
    [InlineData(1UL, new byte[] { 0x01 })]
    [InlineData(127UL, new byte[] { 0x7F })]
    [InlineData(128UL, new byte[] { 0x80, 0x01 })]
    [InlineData(300UL, new byte[] { 0xAC, 0x02 })]
    [InlineData(16384UL, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(262144UL, new byte[] { 0x80, 0x80, 0x10 })]
    public void Write_KnownValue_ProducesMultiformatsBytes(ulong value, byte[] expected)
    {
        var buffer = new byte[10];
        var length = Varint.Write(buffer, value);

        Assert.Equal(expected, buffer[..length]);
        Assert.Equal(expected.Length, Varint.Length(value));
        Assert.True(Varint.TryRead(expected, out var read, out var consumed));
        Assert.Equal(value, read);
        Assert.Equal(expected.Length, consumed);
    }

    [Theory]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0x81, 0x00 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    [InlineData(new byte[0])]
    public void TryRead_TruncatedNonMinimalOrTooLong_ReturnsFalse(byte[] bytes)
    {
        Assert.False(Varint.TryRead(bytes, out _, out _));
    }
}
