using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Tests.UnixFs;

public sealed class UnixFsBlockEncoderTests
{
    [Fact]
    public void WrapLeafInPlace_Hello_ProducesKuboLeafBytes()
    {
        var buffer = new byte[UnixFsBlockEncoder.LeafPrefixReserve + 5 + UnixFsBlockEncoder.LeafSuffixReserve];
        "hello"u8.CopyTo(buffer.AsSpan(UnixFsBlockEncoder.LeafPrefixReserve));

        var (start, length) = UnixFsBlockEncoder.WrapLeafInPlace(buffer, UnixFsBlockEncoder.LeafPrefixReserve, 5);
        var block = buffer.AsSpan(start, length).ToArray();

        Assert.Equal(new byte[] { 0x0a, 0x0b, 0x08, 0x02, 0x12, 0x05, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o', 0x18, 0x05 }, block);
        // js-ipfs `add` of the 5-byte file "hello".
        Assert.Equal("QmWfVY9y3xjsixTgbd9AorQxH7VtMpzfx2HaWtsoUYecaX", Cid.ForBlock(0, CidCodec.DagPb, block).ToString());
    }

    [Fact]
    public void WrapLeafInPlace_FullChunk_UsesThreeByteLengths()
    {
        const int size = UnixFsImportOptions.DefaultChunkSize;
        var buffer = new byte[UnixFsBlockEncoder.LeafPrefixReserve + size + UnixFsBlockEncoder.LeafSuffixReserve];

        var (start, length) = UnixFsBlockEncoder.WrapLeafInPlace(buffer, UnixFsBlockEncoder.LeafPrefixReserve, size);

        // 0a <size+10 as varint> 08 02 12 <size> … 18 <size>
        Assert.Equal(size + 14, length);
        Assert.Equal(new byte[] { 0x0a, 0x8a, 0x80, 0x10, 0x08, 0x02, 0x12, 0x80, 0x80, 0x10 }, buffer.AsSpan(start, 10).ToArray());
        Assert.Equal(new byte[] { 0x18, 0x80, 0x80, 0x10 }, buffer.AsSpan(start + length - 4, 4).ToArray());
    }

    [Fact]
    public void InternalNode_TwoLinks_LinksFirstThenUnixFsData()
    {
        var a = Cid.ForBlock(1, CidCodec.Raw, "a"u8);
        var b = Cid.ForBlock(0, CidCodec.DagPb, "b"u8);
        DagLink[] links = [new(a, 300, 300), new(b, 20, 7)];

        var node = UnixFsBlockEncoder.InternalNode(links);

        var expected = new List<byte> { 0x12, 2 + 36 + 2 + 3, 0x0a, 36 };
        expected.AddRange(a.ToBytes());
        expected.AddRange([0x12, 0x00, 0x18, 0xAC, 0x02]);
        expected.AddRange([0x12, 2 + 34 + 2 + 2, 0x0a, 34]);
        expected.AddRange(b.ToBytes());
        expected.AddRange([0x12, 0x00, 0x18, 20]);
        expected.AddRange([0x0a, 10, 0x08, 0x02, 0x18, 0xB3, 0x02, 0x20, 0xAC, 0x02, 0x20, 0x07]);
        Assert.Equal(expected.ToArray(), node);
    }

    [Fact]
    public void EmptyFileNode_IsUnixFsFileWithZeroSize()
    {
        Assert.Equal(new byte[] { 0x0a, 0x04, 0x08, 0x02, 0x18, 0x00 }, UnixFsBlockEncoder.EmptyFileNode());
    }
}
