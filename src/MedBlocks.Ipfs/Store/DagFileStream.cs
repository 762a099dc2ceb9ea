using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Store;

/// <summary>
/// A read-only stream over a UnixFS file that fetches one block at a time as the reader advances and
/// hands out a block's bytes only after the <see cref="UnixFsFileReader"/> has verified the block.
/// Subclasses say where blocks come from.
/// </summary>
internal abstract class DagFileStream : Stream
{
    private ReadOnlyMemory<byte> _pending;
    private long _position;
    private bool _disposed;

    /// <summary>Starts with <paramref name="firstData"/>: the root block's file bytes, already accepted by the reader.</summary>
    protected DagFileStream(UnixFsFileReader reader, ReadOnlyMemory<byte> firstData)
    {
        Reader = reader;
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

    protected UnixFsFileReader Reader { get; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_pending.IsEmpty && Reader.NextBlock is { } next)
        {
            _pending = ReadBlock(next);
        }

        return Take(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_pending.IsEmpty && Reader.NextBlock is { } next)
        {
            _pending = await ReadBlockAsync(next, cancellationToken);
        }

        return Take(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Fetches <paramref name="next"/>, has the reader accept it, and returns the file bytes it holds.</summary>
    protected abstract ReadOnlyMemory<byte> ReadBlock(Cid next);

    /// <inheritdoc cref="ReadBlock"/>
    protected abstract ValueTask<ReadOnlyMemory<byte>> ReadBlockAsync(Cid next, CancellationToken cancellationToken);

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
}
