using System.Buffers;

namespace MedBlocks.Core.Records;

/// <summary>
/// A read-only stream of a record's plaintext, decrypting the ciphertext segment by segment in constant
/// memory. Bytes of a segment are handed out only after its tag verifies; truncation of the record is
/// detected when the end is reached, so a record is authentic only once this stream has been read to the
/// end without a <see cref="RecordDecryptionException"/>.
/// </summary>
public sealed class RecordDecryptingStream : Stream
{
    private readonly Stream _source;
    private readonly bool _leaveOpen;
    private readonly string _patient;
    private readonly string _contentType;
    private readonly RecordSegmentCipher _cipher;
    private byte[]? _current;
    private byte[]? _next;
    private byte[]? _plaintext;
    private int _segmentLength;
    private int _currentLength;
    private int _plaintextLength;
    private int _plaintextOffset;
    private bool _started;
    private bool _completed;
    private bool _disposed;

    internal RecordDecryptingStream(Stream source, RecordKey key, string patient, string contentType, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(source);
        RecordBinding.Validate(patient, contentType);
        if (!source.CanRead)
        {
            throw new ArgumentException("The ciphertext stream is not readable.", nameof(source));
        }

        _source = source;
        _leaveOpen = leaveOpen;
        _patient = patient;
        _contentType = contentType;
        _cipher = new RecordSegmentCipher(key);
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The plaintext of the segment last decrypted by <see cref="DecryptNextSegmentAsync"/>.</summary>
    internal ReadOnlyMemory<byte> CurrentPlaintext => _plaintext.AsMemory(0, _plaintextLength);

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_plaintextOffset == _plaintextLength)
        {
            if (buffer.IsEmpty || !DecryptNextSegment())
            {
                return 0;
            }
        }

        return TakePlaintext(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_plaintextOffset == _plaintextLength)
        {
            if (buffer.IsEmpty || !await DecryptNextSegmentAsync(useAsync: true, cancellationToken))
            {
                return 0;
            }
        }

        return TakePlaintext(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>
    /// Decrypts the next segment into <see cref="CurrentPlaintext"/>; false once the last segment has been
    /// returned. With <paramref name="useAsync"/> false the source is read synchronously and the task is complete on return.
    /// </summary>
    internal async ValueTask<bool> DecryptNextSegmentAsync(bool useAsync, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            _plaintextLength = _plaintextOffset = 0;
            return false;
        }

        if (!_started)
        {
            await StartAsync(useAsync, cancellationToken);
        }

        bool final;
        if (_currentLength < _segmentLength)
        {
            final = true;
        }
        else
        {
            var nextLength = await FillAsync(_next!, useAsync, cancellationToken);
            final = nextLength == 0;
            if (!final)
            {
                _plaintextLength = _cipher.Open(_current.AsSpan(0, _currentLength), _plaintext, final: false);
                (_current, _next) = (_next, _current);
                _currentLength = nextLength;
                _plaintextOffset = 0;
                return true;
            }
        }

        _plaintextLength = _cipher.Open(_current.AsSpan(0, _currentLength), _plaintext, final: true);
        _plaintextOffset = 0;
        _completed = true;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _disposed = true;
            _cipher.Dispose();
            ReturnBuffers();
            if (!_leaveOpen)
            {
                _source.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private bool DecryptNextSegment()
    {
        // Synchronous source reads complete the step before it returns.
        var step = DecryptNextSegmentAsync(useAsync: false, CancellationToken.None);
        return step.IsCompleted
            ? step.Result
            : throw new InvalidOperationException("A synchronous segment read did not complete synchronously.");
    }

    private async ValueTask StartAsync(bool useAsync, CancellationToken cancellationToken)
    {
        var headerBytes = new byte[RecordEnvelopeHeader.Length];
        var read = useAsync
            ? await _source.ReadAtLeastAsync(headerBytes, headerBytes.Length, throwOnEndOfStream: false, cancellationToken)
            : _source.ReadAtLeast(headerBytes, headerBytes.Length, throwOnEndOfStream: false);
        var header = RecordEnvelopeHeader.Parse(headerBytes.AsSpan(0, read));
        _cipher.Begin(header, _patient, _contentType);
        _segmentLength = header.SegmentSize + RecordSegmentCipher.TagLength;
        _current = ArrayPool<byte>.Shared.Rent(_segmentLength);
        _next = ArrayPool<byte>.Shared.Rent(_segmentLength);
        _plaintext = ArrayPool<byte>.Shared.Rent(header.SegmentSize);
        _started = true;
        _currentLength = await FillAsync(_current, useAsync, cancellationToken);
    }

    private async ValueTask<int> FillAsync(byte[] buffer, bool useAsync, CancellationToken cancellationToken)
    {
        var target = buffer.AsMemory(0, _segmentLength);
        return useAsync
            ? await _source.ReadAtLeastAsync(target, _segmentLength, throwOnEndOfStream: false, cancellationToken)
            : _source.ReadAtLeast(target.Span, _segmentLength, throwOnEndOfStream: false);
    }

    private int TakePlaintext(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _plaintextLength - _plaintextOffset);
        _plaintext.AsSpan(_plaintextOffset, count).CopyTo(buffer);
        _plaintextOffset += count;
        return count;
    }

    private void ReturnBuffers()
    {
        if (_plaintext is not null)
        {
            // Plaintext must not linger in the shared pool.
            ArrayPool<byte>.Shared.Return(_plaintext, clearArray: true);
            ArrayPool<byte>.Shared.Return(_current!);
            ArrayPool<byte>.Shared.Return(_next!);
            _plaintext = _current = _next = null;
        }
    }
}
