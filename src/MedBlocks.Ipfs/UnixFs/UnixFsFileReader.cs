using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Cids;

namespace MedBlocks.Ipfs.UnixFs;

/// <summary>
/// Walks a UnixFS file DAG depth first, one block at a time: it names the block it needs next,
/// verifies the block it is given against that CID and against the sizes its parent declared, and
/// yields the file bytes the block holds. It does no I/O itself, so sync and async readers share it.
/// </summary>
internal sealed class UnixFsFileReader
{
    // Kubo's balanced DAGs are a handful of levels deep; this only stops hostile DAGs.
    private const int MaxDepth = 32;

    private readonly Stack<Frame> _frames = new();
    private ulong? _expectedSize;

    public UnixFsFileReader(Cid root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = root;
        NextBlock = root;
    }

    public Cid Root { get; }

    /// <summary>The block to fetch next; null once the whole file has been read.</summary>
    public Cid? NextBlock { get; private set; }

    /// <summary>The file bytes the parent declares for <see cref="NextBlock"/>; null for the root.</summary>
    public ulong? ExpectedSize => _expectedSize;

    /// <summary>Accepts the bytes of <see cref="NextBlock"/> and returns the file bytes inside them (may be empty).</summary>
    /// <exception cref="RecordIntegrityException">The block does not hash to its CID, does not decode, or its sizes disagree.</exception>
    public ReadOnlyMemory<byte> Accept(ReadOnlyMemory<byte> block)
    {
        var cid = NextBlock ?? throw new InvalidOperationException("The file has been read to its end.");
        if (!Sha256Multihash.Matches(cid.Multihash, block.Span))
        {
            throw new RecordIntegrityException(cid.ToString(), "the stored block does not hash to its address.");
        }

        ReadOnlyMemory<byte> data;
        if (cid.Codec == CidCodec.Raw)
        {
            data = block;
            CheckSize(cid, (ulong)block.Length);
        }
        else
        {
            if (!UnixFsNode.TryDecode(block.Span, out var node, out var error))
            {
                throw new RecordIntegrityException(cid.ToString(), error + ".");
            }

            CheckSize(cid, node.FileSize!.Value);
            data = block.Slice(node.DataStart, node.DataLength);
            if (node.Links.Length > 0)
            {
                if (_frames.Count >= MaxDepth)
                {
                    throw new RecordIntegrityException(cid.ToString(), $"the DAG is deeper than {MaxDepth} levels.");
                }

                _frames.Push(new Frame(node.Links, node.BlockSizes));
            }
        }

        Advance();
        return data;
    }

    private void CheckSize(Cid cid, ulong actual)
    {
        if (_expectedSize is { } expected && expected != actual)
        {
            throw new RecordIntegrityException(cid.ToString(), $"the block holds {actual} file bytes where its parent declares {expected}.");
        }
    }

    private void Advance()
    {
        while (_frames.TryPeek(out var frame))
        {
            if (frame.Next < frame.Links.Length)
            {
                NextBlock = frame.Links[frame.Next];
                _expectedSize = frame.Sizes[frame.Next];
                frame.Next++;
                return;
            }

            _frames.Pop();
        }

        NextBlock = null;
        _expectedSize = null;
    }

    private sealed class Frame(Cid[] links, ulong[] sizes)
    {
        public Cid[] Links { get; } = links;

        public ulong[] Sizes { get; } = sizes;

        public int Next { get; set; }
    }
}
