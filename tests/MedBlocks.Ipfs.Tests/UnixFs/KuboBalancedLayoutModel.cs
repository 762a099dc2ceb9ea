using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Tests.UnixFs;

/// <summary>
/// Reference model of Kubo's balanced layout, written the way Kubo's builder works rather than the
/// way the streaming builder does: take the first leaf as root; then, for depth 1, 2, …, while data
/// remains, put the old root under a new node and fill that node recursively to depth d.
/// Works on an in-memory chunk list, so it is only for small inputs.
/// </summary>
internal sealed class KuboBalancedLayoutModel
{
    private readonly List<byte[]> _chunks;
    private readonly int _maxLinks;
    private readonly int _cidVersion;
    private readonly bool _rawLeaves;
    private int _next;

    private KuboBalancedLayoutModel(byte[] content, int chunkSize, int maxLinks, int cidVersion, bool rawLeaves)
    {
        _chunks = content.Chunk(chunkSize).ToList();
        _maxLinks = maxLinks;
        _cidVersion = cidVersion;
        _rawLeaves = rawLeaves;
    }

    /// <summary>The root CID and the depth of the tree (0 for a single leaf).</summary>
    public static (Cid Root, int Depth) Build(byte[] content, int chunkSize, int maxLinks, int cidVersion, bool rawLeaves)
    {
        var model = new KuboBalancedLayoutModel(content, chunkSize, maxLinks, cidVersion, rawLeaves);
        return model.Layout();
    }

    private bool Done => _next >= _chunks.Count;

    private (Cid, int) Layout()
    {
        if (Done)
        {
            return (Leaf([]).Cid, 0);
        }

        var root = Leaf(_chunks[_next++]);
        var depth = 0;
        for (var d = 1; !Done; d++)
        {
            var children = new List<DagLink> { root };
            root = Fill(children, d);
            depth = d;
        }

        return (root.Cid, depth);
    }

    private DagLink Fill(List<DagLink> children, int depth)
    {
        while (children.Count < _maxLinks && !Done)
        {
            children.Add(depth == 1 ? Leaf(_chunks[_next++]) : Fill([], depth - 1));
        }

        var node = UnixFsBlockEncoder.InternalNode(children);
        var cid = Cid.ForBlock(_cidVersion, CidCodec.DagPb, node);
        return new DagLink(cid, (ulong)node.Length + (ulong)children.Sum(c => (long)c.TotalSize), (ulong)children.Sum(c => (long)c.FileSize));
    }

    private DagLink Leaf(byte[] data)
    {
        if (_rawLeaves)
        {
            return new DagLink(Cid.ForBlock(1, CidCodec.Raw, data), (ulong)data.Length, (ulong)data.Length);
        }

        byte[] block;
        if (data.Length == 0)
        {
            block = UnixFsBlockEncoder.EmptyFileNode();
        }
        else
        {
            var buffer = new byte[UnixFsBlockEncoder.LeafPrefixReserve + data.Length + UnixFsBlockEncoder.LeafSuffixReserve];
            data.CopyTo(buffer, UnixFsBlockEncoder.LeafPrefixReserve);
            var (start, length) = UnixFsBlockEncoder.WrapLeafInPlace(buffer, UnixFsBlockEncoder.LeafPrefixReserve, data.Length);
            block = buffer.AsSpan(start, length).ToArray();
        }

        return new DagLink(Cid.ForBlock(_cidVersion, CidCodec.DagPb, block), (ulong)block.Length, (ulong)data.Length);
    }
}
