using MedBlocks.Ipfs.Blocks;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Store;

/// <summary>
/// One pass over every block of the embedded store: each is re-hashed against its name, and the
/// records' roots are found as the blocks no stored node links to.
/// </summary>
public sealed class EmbeddedStoreInventory
{
    private EmbeddedStoreInventory(int blockCount, long byteCount, IReadOnlyList<Cid> roots, IReadOnlyList<string> damaged)
    {
        BlockCount = blockCount;
        ByteCount = byteCount;
        Roots = roots;
        DamagedBlocks = damaged;
    }

    public int BlockCount { get; }

    public long ByteCount { get; }

    /// <summary>The root CID of every stored file, as <c>ipfs add</c> would name it.</summary>
    public IReadOnlyList<Cid> Roots { get; }

    /// <summary>Paths of block files whose bytes do not hash to their name.</summary>
    public IReadOnlyList<string> DamagedBlocks { get; }

    public static async Task<EmbeddedStoreInventory> ScanAsync(FileBlockStore blocks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var buffer = new BlockBuffer();
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var candidates = new List<(string Key, Cid Cid)>();
        var damaged = new List<string>();
        var count = 0;
        long bytes = 0;
        foreach (var (multihash, path) in blocks.EnumerateBlocks())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var length = await ReadAsync(path, buffer, cancellationToken);
            var block = buffer.Array.AsSpan(0, length);
            count++;
            bytes += length;
            if (!Sha256Multihash.Matches(multihash, block))
            {
                damaged.Add(path);
                continue;
            }

            var digest = multihash.AsSpan(2);
            Cid cid;
            if (UnixFsNode.TryDecode(block, out var node, out _))
            {
                foreach (var link in node.Links)
                {
                    linked.Add(Convert.ToHexString(link.Multihash));
                }

                // Kubo's CIDv1 files have raw leaves; a node over dag-pb leaves (or a lone one) is a CIDv0 import.
                cid = node.Links.Length > 0 && node.Links[0].Version == 1 ? Cid.CreateV1(CidCodec.DagPb, digest) : Cid.CreateV0(digest);
            }
            else
            {
                cid = Cid.CreateV1(CidCodec.Raw, digest);
            }

            candidates.Add((Convert.ToHexString(multihash), cid));
        }

        var roots = candidates.Where(c => !linked.Contains(c.Key)).Select(c => c.Cid).OrderBy(c => c.ToString(), StringComparer.Ordinal).ToList();
        return new EmbeddedStoreInventory(count, bytes, roots, damaged);
    }

    private static async Task<int> ReadAsync(string path, BlockBuffer buffer, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            var length = (int)Math.Min(file.Length, FileBlockStore.MaxBlockSize + 1L);
            buffer.EnsureCapacity(length);
            return await file.ReadAtLeastAsync(buffer.Array.AsMemory(0, length), length, throwOnEndOfStream: false, cancellationToken);
        }
    }
}
