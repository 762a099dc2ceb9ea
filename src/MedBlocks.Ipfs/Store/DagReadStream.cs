using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Blocks;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Store;

/// <summary>
/// A read-only stream over a stored UnixFS file: it fetches one block at a time as the reader
/// advances and hands out a block's bytes only after the block has been verified.
/// </summary>
internal sealed class DagReadStream : Stream
{
    private readonly FileBlockStore _blocks;
    private readonly UnixFsFileReader _reader;
    private readonly BlockBuffer _buffer;
    private ReadOnlyMemory<byte> _pending;
    private long _position;
    private bool _disposed;

    /// <summary>Starts with <paramref name="firstData"/>: the root block's file bytes, already accepted by the reader.</summary>
    public DagReadStream(FileBlockStore blocks, UnixFsFileReader reader, BlockBuffer buffer, ReadOnlyMemory<byte> firstData)
    {
        _blocks = blocks;
        _reader = reader;
        _buffer = buffer;
        _pending = firstData;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_pending.IsEmpty && _reader.NextBlock is { } next)
        {
            var length = _blocks.Read(next, _buffer);
            _pending = _reader.Accept(length < 0 ? throw Missing() : _buffer.Array.AsMemory(0, length));
        }

        return Take(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_pending.IsEmpty && _reader.NextBlock is { } next)
        {
            var length = await _blocks.ReadAsync(next, _buffer, cancellationToken);
            _pending = _reader.Accept(length < 0 ? throw Missing() : _buffer.Array.AsMemory(0, length));
        }

        return Take(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _pending = ReadOnlyMemory<byte>.Empty;
        base.Dispose(disposing);
    }

    private int Take(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _pending.Length);
        _pending.Span[..count].CopyTo(destination);
        _pending = _pending[count..];
        _position += count;
        return count;
    }

    private RecordIntegrityException Missing() =>
        new(_reader.NextBlock!.ToString(), $"the block is missing from the store (it belongs to record {_reader.Root}).");
}
