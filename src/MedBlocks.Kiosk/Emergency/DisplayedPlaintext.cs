using System.Security.Cryptography;

namespace MedBlocks.Kiosk.Emergency;

/// <summary>
/// Write-only output for a record being decrypted for display: keeps the first <c>limit</c> bytes and
/// counts the rest without keeping them, so a large record is verified to its end without being held
/// in memory. What it kept is zeroed on dispose.
/// </summary>
internal sealed class DisplayedPlaintext(int limit) : Stream
{
    private readonly byte[] _kept = new byte[limit];
    private int _keptLength;

    private long _written;

    /// <summary>Whether more was written than is kept.</summary>
    public bool Overflowed => _written > _kept.Length;

    public ReadOnlySpan<byte> Kept => _kept.AsSpan(0, _keptLength);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var room = Math.Min(buffer.Length, _kept.Length - _keptLength);
        buffer[..room].CopyTo(_kept.AsSpan(_keptLength));
        _keptLength += room;
        _written += buffer.Length;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        CryptographicOperations.ZeroMemory(_kept);
        base.Dispose(disposing);
    }
}
