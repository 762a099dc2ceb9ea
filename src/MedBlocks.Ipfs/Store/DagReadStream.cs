using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Blocks;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Store;

/// <summary>A stored UnixFS file read from the embedded block store, block by verified block.</summary>
internal sealed class DagReadStream : DagFileStream
{
    private readonly FileBlockStore _blocks;
    private readonly BlockBuffer _buffer;

    public DagReadStream(FileBlockStore blocks, UnixFsFileReader reader, BlockBuffer buffer, ReadOnlyMemory<byte> firstData)
        : base(reader, firstData)
    {
        _blocks = blocks;
        _buffer = buffer;
    }

    protected override ReadOnlyMemory<byte> ReadBlock(Cid next)
    {
        var length = _blocks.Read(next, _buffer);
        return Reader.Accept(length < 0 ? throw Missing(next) : _buffer.Array.AsMemory(0, length));
    }

    protected override async ValueTask<ReadOnlyMemory<byte>> ReadBlockAsync(Cid next, CancellationToken cancellationToken)
    {
        var length = await _blocks.ReadAsync(next, _buffer, cancellationToken);
        return Reader.Accept(length < 0 ? throw Missing(next) : _buffer.Array.AsMemory(0, length));
    }

    private RecordIntegrityException Missing(Cid next) =>
        new(next.ToString(), $"the block is missing from the store (it belongs to record {Reader.Root}).");
}
