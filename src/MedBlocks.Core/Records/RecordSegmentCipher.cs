using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MedBlocks.Core.Records;

/// <summary>
/// AES-256-GCM over one record's segments in order. Nonce = prefix (7) ‖ counter (u32 BE) ‖ last-segment flag
/// (1 byte); the counter only moves forward and nothing follows the last segment, which is what makes
/// reordering, truncation and extension fail.
/// </summary>
internal sealed class RecordSegmentCipher : IDisposable
{
    public const int TagLength = 16;
    private const int NonceLength = 12;

    private readonly AesGcm _aes;
    private readonly byte[] _nonce = new byte[NonceLength];
    private byte[] _associatedData = [];
    private uint _counter;
    private bool _finished;

    public RecordSegmentCipher(RecordKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _aes = new AesGcm(key.Span, TagLength);
    }

    public void Begin(RecordEnvelopeHeader header, string patient, string contentType)
    {
        header.NoncePrefix.CopyTo(_nonce);
        _associatedData = header.AssociatedData(patient, contentType);
        _counter = 0;
        _finished = false;
    }

    /// <summary>Encrypts the next segment into <paramref name="output"/> (plaintext length + 16 bytes); returns the bytes written.</summary>
    public int Seal(ReadOnlySpan<byte> plaintext, Span<byte> output, bool final)
    {
        NextNonce(final);
        _aes.Encrypt(_nonce, plaintext, output[..plaintext.Length], output.Slice(plaintext.Length, TagLength), _associatedData);
        return plaintext.Length + TagLength;
    }

    /// <summary>Decrypts and authenticates the next segment; returns the plaintext length.</summary>
    /// <exception cref="RecordDecryptionException">The segment does not authenticate in this position.</exception>
    public int Open(ReadOnlySpan<byte> segment, Span<byte> plaintext, bool final)
    {
        var index = _counter;
        if (segment.Length < TagLength)
        {
            throw new RecordDecryptionException($"The record is truncated inside segment {index}.");
        }

        NextNonce(final);
        var length = segment.Length - TagLength;
        try
        {
            _aes.Decrypt(_nonce, segment[..length], segment[length..], plaintext[..length], _associatedData);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new RecordDecryptionException(
                $"Segment {index} of the record failed authentication: wrong key, patient or content type, or the record was altered, truncated, extended or reordered.",
                e);
        }

        return length;
    }

    public void Dispose() => _aes.Dispose();

    private void NextNonce(bool final)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The last segment has already been processed.");
        }

        if (_counter == uint.MaxValue)
        {
            throw new RecordDecryptionException("The record has more segments than its nonce counter allows.");
        }

        BinaryPrimitives.WriteUInt32BigEndian(_nonce.AsSpan(RecordEnvelopeHeader.NoncePrefixLength), _counter);
        _nonce[NonceLength - 1] = final ? (byte)1 : (byte)0;
        _counter++;
        _finished = final;
    }
}
