using System.Security.Cryptography;
using MedBlocks.Ipfs.Cids;

namespace MedBlocks.Ipfs.UnixFs;

/// <summary>
/// Builds the balanced UnixFS file DAG of Kubo's importer one chunk at a time. Kubo fills a node
/// with up to MaxLinks children depth first and grows a new root above a full one; keeping one open
/// link list per level and closing a full level only when another chunk arrives yields the same tree
/// (every leaf at the same depth, partial subtrees on the right) while holding only the link lists.
/// </summary>
internal sealed class BalancedDagBuilder
{
    private readonly UnixFsImportOptions _options;
    private readonly bool _rawLeaves;
    private readonly List<List<DagLink>> _levels = [];
    private long _leafCount;

    public BalancedDagBuilder(UnixFsImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _rawLeaves = options.UsesRawLeaves;
    }

    public int ChunkSize => _options.ChunkSize;

    /// <summary>Where chunk data goes inside a buffer from <see cref="CreateChunkBuffer"/>.</summary>
    public static int ChunkOffset => UnixFsBlockEncoder.LeafPrefixReserve;

    /// <summary>A buffer with room for one chunk and the leaf headers around it.</summary>
    public byte[] CreateChunkBuffer() =>
        new byte[UnixFsBlockEncoder.LeafPrefixReserve + _options.ChunkSize + UnixFsBlockEncoder.LeafSuffixReserve];

    /// <summary>
    /// Adds the next chunk (non-empty, at <see cref="ChunkOffset"/> in <paramref name="buffer"/>) and returns
    /// its leaf block; internal nodes this closes are appended to <paramref name="completed"/>.
    /// </summary>
    public DagBlock AddChunk(byte[] buffer, int length, List<DagBlock> completed)
    {
        if (length <= 0 || length > _options.ChunkSize)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "A chunk holds 1 to ChunkSize bytes.");
        }

        DagBlock leaf;
        DagLink link;
        if (_rawLeaves)
        {
            var data = buffer.AsMemory(ChunkOffset, length);
            var cid = Cid.ForBlock(1, CidCodec.Raw, data.Span);
            leaf = new DagBlock(cid, data);
            link = new DagLink(cid, (ulong)length, (ulong)length);
        }
        else
        {
            var (start, blockLength) = UnixFsBlockEncoder.WrapLeafInPlace(buffer, ChunkOffset, length);
            var block = buffer.AsMemory(start, blockLength);
            var cid = Cid.ForBlock(_options.CidVersion, CidCodec.DagPb, block.Span);
            leaf = new DagBlock(cid, block);
            link = new DagLink(cid, (ulong)blockLength, (ulong)length);
        }

        _leafCount++;
        Push(0, link, completed);
        return leaf;
    }

    /// <summary>
    /// Adds the next chunk for computing the CID only: the leaf is hashed where it lies, without copying
    /// it or producing its block. Internal nodes this closes are appended to <paramref name="completed"/>.
    /// </summary>
    public Cid AddChunkForCid(ReadOnlySpan<byte> chunk, List<DagBlock> completed)
    {
        if (chunk.IsEmpty || chunk.Length > _options.ChunkSize)
        {
            throw new ArgumentOutOfRangeException(nameof(chunk), chunk.Length, "A chunk holds 1 to ChunkSize bytes.");
        }

        Cid cid;
        ulong blockLength;
        if (_rawLeaves)
        {
            cid = Cid.ForBlock(1, CidCodec.Raw, chunk);
            blockLength = (ulong)chunk.Length;
        }
        else
        {
            Span<byte> header = stackalloc byte[UnixFsBlockEncoder.LeafPrefixReserve];
            Span<byte> trailer = stackalloc byte[UnixFsBlockEncoder.LeafSuffixReserve];
            var (headerLength, trailerLength) = UnixFsBlockEncoder.WriteLeafEnvelope(chunk.Length, header, trailer);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(header[..headerLength]);
            sha.AppendData(chunk);
            sha.AppendData(trailer[..trailerLength]);
            Span<byte> digest = stackalloc byte[32];
            sha.GetHashAndReset(digest);
            cid = _options.CidVersion == 0 ? Cid.CreateV0(digest) : Cid.CreateV1(CidCodec.DagPb, digest);
            blockLength = (ulong)(headerLength + chunk.Length + trailerLength);
        }

        _leafCount++;
        Push(0, new DagLink(cid, blockLength, (ulong)chunk.Length), completed);
        return cid;
    }

    /// <summary>Closes every open node and returns the root; the blocks this makes go to <paramref name="completed"/>.</summary>
    public Cid Complete(List<DagBlock> completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        if (_leafCount == 0)
        {
            var empty = _rawLeaves ? [] : UnixFsBlockEncoder.EmptyFileNode();
            var cid = Cid.ForBlock(_options.CidVersion, _rawLeaves ? CidCodec.Raw : CidCodec.DagPb, empty);
            completed.Add(new DagBlock(cid, empty));
            return cid;
        }

        if (_leafCount == 1)
        {
            // A file of one chunk is that chunk's leaf, with no node above it.
            return _levels[0][0].Cid;
        }

        DagLink root = default;
        for (var level = 0; level < _levels.Count; level++)
        {
            root = Close(level, completed);
            if (level + 1 < _levels.Count)
            {
                Push(level + 1, root, completed);
            }
        }

        return root.Cid;
    }

    private void Push(int level, DagLink link, List<DagBlock> completed)
    {
        if (level == _levels.Count)
        {
            _levels.Add(new List<DagLink>(_options.MaxLinks));
        }

        if (_levels[level].Count == _options.MaxLinks)
        {
            Push(level + 1, Close(level, completed), completed);
        }

        _levels[level].Add(link);
    }

    private DagLink Close(int level, List<DagBlock> completed)
    {
        var links = _levels[level];
        var node = UnixFsBlockEncoder.InternalNode(links);
        var cid = Cid.ForBlock(_options.CidVersion, CidCodec.DagPb, node);
        ulong totalSize = (ulong)node.Length;
        ulong fileSize = 0;
        foreach (var link in links)
        {
            totalSize += link.TotalSize;
            fileSize += link.FileSize;
        }

        links.Clear();
        completed.Add(new DagBlock(cid, node));
        return new DagLink(cid, totalSize, fileSize);
    }
}
