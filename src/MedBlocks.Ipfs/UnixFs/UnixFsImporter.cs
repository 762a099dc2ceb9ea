using MedBlocks.Ipfs.Cids;

namespace MedBlocks.Ipfs.UnixFs;

/// <summary>Reads a stream chunk by chunk into a <see cref="BalancedDagBuilder"/>, handing each block to a sink.</summary>
internal static class UnixFsImporter
{
    public static async Task<Cid> ImportAsync(
        Stream content,
        UnixFsImportOptions options,
        Func<DagBlock, CancellationToken, ValueTask>? sink,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var builder = new BalancedDagBuilder(options);
        var buffer = builder.CreateChunkBuffer();
        var completed = new List<DagBlock>();
        while (true)
        {
            var read = await content.ReadAtLeastAsync(
                buffer.AsMemory(BalancedDagBuilder.ChunkOffset, builder.ChunkSize),
                builder.ChunkSize,
                throwOnEndOfStream: false,
                cancellationToken);
            if (read == 0)
            {
                break;
            }

            var leaf = builder.AddChunk(buffer, read, completed);
            if (sink is not null)
            {
                await sink(leaf, cancellationToken);
                await DrainAsync(completed, sink, cancellationToken);
            }

            completed.Clear();
            if (read < builder.ChunkSize)
            {
                break;
            }
        }

        var root = builder.Complete(completed);
        if (sink is not null)
        {
            await DrainAsync(completed, sink, cancellationToken);
        }

        return root;
    }

    public static Cid Import(Stream content, UnixFsImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        var builder = new BalancedDagBuilder(options);
        var buffer = builder.CreateChunkBuffer();
        var completed = new List<DagBlock>();
        while (true)
        {
            var read = content.ReadAtLeast(
                buffer.AsSpan(BalancedDagBuilder.ChunkOffset, builder.ChunkSize),
                builder.ChunkSize,
                throwOnEndOfStream: false);
            if (read == 0)
            {
                break;
            }

            builder.AddChunk(buffer, read, completed);
            completed.Clear();
            if (read < builder.ChunkSize)
            {
                break;
            }
        }

        return builder.Complete(completed);
    }

    /// <summary>The root CID of bytes already in memory; leaves are hashed in place.</summary>
    public static Cid Import(ReadOnlySpan<byte> content, UnixFsImportOptions options)
    {
        var builder = new BalancedDagBuilder(options);
        var completed = new List<DagBlock>();
        for (var offset = 0; offset < content.Length; offset += builder.ChunkSize)
        {
            builder.AddChunkForCid(content.Slice(offset, Math.Min(builder.ChunkSize, content.Length - offset)), completed);
            completed.Clear();
        }

        return builder.Complete(completed);
    }

    private static async ValueTask DrainAsync(
        List<DagBlock> completed,
        Func<DagBlock, CancellationToken, ValueTask> sink,
        CancellationToken cancellationToken)
    {
        foreach (var block in completed)
        {
            await sink(block, cancellationToken);
        }

        completed.Clear();
    }
}
