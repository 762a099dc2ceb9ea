using System.Buffers;
using System.Security.Cryptography;

namespace MedBlocks.Core.Records;

/// <summary>
/// Encrypts records (format version 2) with AES-256-GCM in the segmented STREAM construction, so records of
/// any size stream to and from the record store in constant memory. See <c>Records/RecordFormat.md</c>.
/// </summary>
/// <remarks>
/// Layout: a 16-byte header <c>"MBRE" ‖ 0x02 ‖ segment size (u32 BE) ‖ nonce prefix (7 random bytes)</c>,
/// then segments, each the AES-256-GCM ciphertext of <c>segment size</c> plaintext bytes (the last one
/// of 0..segment size bytes) followed by its 16-byte tag. Segment <c>i</c> uses nonce
/// <c>prefix ‖ i (u32 BE) ‖ last (0x01 on the last segment, else 0x00)</c> and associated data
/// <c>len‖0x02 ‖ len‖patient ‖ len‖content type ‖ len‖header</c> (u32 BE lengths, UTF-8). An empty record
/// is the header and one empty last segment (its tag).
/// </remarks>
public static class RecordEnvelope
{
    public const int FormatVersion = RecordEnvelopeHeader.Version;
    public const int HeaderLength = RecordEnvelopeHeader.Length;
    public const int TagLength = RecordSegmentCipher.TagLength;

    /// <summary>Plaintext bytes per segment in records written now.</summary>
    public const int DefaultSegmentSize = 64 * 1024;

    /// <summary>Smallest segment size a reader accepts (4 KiB).</summary>
    public const int MinSegmentSize = 4 * 1024;

    /// <summary>Largest segment size a reader accepts (4 MiB), bounding what a crafted header can make it allocate.</summary>
    public const int MaxSegmentSize = 4 * 1024 * 1024;

    /// <summary>The ciphertext length of a plaintext of <paramref name="plaintextLength"/> bytes.</summary>
    public static long CiphertextLength(long plaintextLength, int segmentSize = DefaultSegmentSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plaintextLength);
        var segments = Math.Max(1, (plaintextLength + segmentSize - 1) / segmentSize);
        return HeaderLength + plaintextLength + (segments * TagLength);
    }

    /// <summary>Encrypts <paramref name="plaintext"/> to <paramref name="ciphertext"/>, hashing the ciphertext on the way.</summary>
    /// <exception cref="ArgumentException">The patient is not an address or the content type is malformed.</exception>
    public static Task<RecordEncryptionResult> EncryptAsync(
        Stream plaintext,
        Stream ciphertext,
        RecordKey key,
        string patient,
        string contentType,
        CancellationToken cancellationToken = default) =>
        EncryptAsync(plaintext, ciphertext, key, patient, contentType, DefaultSegmentSize, cancellationToken);

    /// <summary>Decrypts a whole record to <paramref name="plaintext"/>.</summary>
    /// <exception cref="RecordDecryptionException">
    /// The record does not decrypt; whatever was already written to <paramref name="plaintext"/> must be discarded.
    /// </exception>
    public static async Task DecryptAsync(
        Stream ciphertext,
        Stream plaintext,
        RecordKey key,
        string patient,
        string contentType,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        await using var reader = new RecordDecryptingStream(ciphertext, key, patient, contentType, leaveOpen: true);
        while (await reader.DecryptNextSegmentAsync(useAsync: true, cancellationToken))
        {
            await plaintext.WriteAsync(reader.CurrentPlaintext, cancellationToken);
        }
    }

    /// <summary>
    /// A stream of the plaintext of the record read from <paramref name="ciphertext"/>. The key may be
    /// disposed once this returns. Read it to the end before trusting what it returned.
    /// </summary>
    public static RecordDecryptingStream OpenDecryptingStream(Stream ciphertext, RecordKey key, string patient, string contentType, bool leaveOpen = false) =>
        new(ciphertext, key, patient, contentType, leaveOpen);

    /// <summary>Encrypts a record held in memory.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, RecordKey key, string patient, string contentType) =>
        Encrypt(plaintext, key, patient, contentType, DefaultSegmentSize);

    /// <summary>Decrypts a record held in memory.</summary>
    /// <exception cref="RecordDecryptionException">The record does not decrypt.</exception>
    public static byte[] Decrypt(ReadOnlySpan<byte> ciphertext, RecordKey key, string patient, string contentType)
    {
        RecordBinding.Validate(patient, contentType);
        var header = RecordEnvelopeHeader.Parse(ciphertext);
        var segmentLength = header.SegmentSize + TagLength;
        var body = ciphertext[HeaderLength..];
        var segments = (int)Math.Max(1, ((long)body.Length + segmentLength - 1) / segmentLength);
        var plaintextLength = body.Length - ((long)segments * TagLength);
        if (plaintextLength < 0)
        {
            throw new RecordDecryptionException("The record is truncated inside its last segment.");
        }

        // Every byte is written before the array is returned; on failure it is dropped.
        var plaintext = GC.AllocateUninitializedArray<byte>(checked((int)plaintextLength));
        using var cipher = new RecordSegmentCipher(key);
        cipher.Begin(header, patient, contentType);
        var written = 0;
        for (var i = 0; i < segments; i++)
        {
            var segment = body.Slice(i * segmentLength, Math.Min(segmentLength, body.Length - (i * segmentLength)));
            written += cipher.Open(segment, plaintext.AsSpan(written), final: i == segments - 1);
        }

        return plaintext;
    }

    internal static byte[] Encrypt(ReadOnlySpan<byte> plaintext, RecordKey key, string patient, string contentType, int segmentSize)
    {
        RecordBinding.Validate(patient, contentType);
        var header = RecordEnvelopeHeader.Create(segmentSize);
        var ciphertext = GC.AllocateUninitializedArray<byte>(checked((int)CiphertextLength(plaintext.Length, segmentSize)));
        header.Bytes.CopyTo(ciphertext);
        using var cipher = new RecordSegmentCipher(key);
        cipher.Begin(header, patient, contentType);
        var output = HeaderLength;
        var offset = 0;
        do
        {
            var length = Math.Min(segmentSize, plaintext.Length - offset);
            var final = offset + length == plaintext.Length;
            output += cipher.Seal(plaintext.Slice(offset, length), ciphertext.AsSpan(output), final);
            offset += length;
            if (final)
            {
                break;
            }
        }
        while (true);

        return ciphertext;
    }

    internal static async Task<RecordEncryptionResult> EncryptAsync(
        Stream plaintext,
        Stream ciphertext,
        RecordKey key,
        string patient,
        string contentType,
        int segmentSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(ciphertext);
        RecordBinding.Validate(patient, contentType);
        var header = RecordEnvelopeHeader.Create(segmentSize);
        using var cipher = new RecordSegmentCipher(key);
        cipher.Begin(header, patient, contentType);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        var current = ArrayPool<byte>.Shared.Rent(segmentSize);
        var next = ArrayPool<byte>.Shared.Rent(segmentSize);
        byte[][] outputs = [ArrayPool<byte>.Shared.Rent(segmentSize + TagLength), ArrayPool<byte>.Shared.Rent(segmentSize + TagLength)];
        var hashing = Task.CompletedTask;
        try
        {
            await ciphertext.WriteAsync(header.Bytes.ToArray(), cancellationToken);
            hash.AppendData(header.Bytes);
            long plaintextLength = 0;
            long ciphertextLength = HeaderLength;
            var which = 0;
            var currentLength = await plaintext.ReadAtLeastAsync(current.AsMemory(0, segmentSize), segmentSize, throwOnEndOfStream: false, cancellationToken);
            while (true)
            {
                var nextLength = 0;
                if (currentLength == segmentSize)
                {
                    nextLength = await plaintext.ReadAtLeastAsync(next.AsMemory(0, segmentSize), segmentSize, throwOnEndOfStream: false, cancellationToken);
                }

                var final = nextLength == 0;
                var output = outputs[which];
                var written = cipher.Seal(current.AsSpan(0, currentLength), output, final);

                // SHA-256 costs more than AES-GCM here, so segment i is hashed on another core while
                // segment i+1 is read and encrypted; hashing stays in order because each waits for the last.
                await hashing;
                if (final)
                {
                    hash.AppendData(output, 0, written);
                }
                else
                {
                    hashing = Task.Run(() => hash.AppendData(output, 0, written), CancellationToken.None);
                }

                await ciphertext.WriteAsync(output.AsMemory(0, written), cancellationToken);
                plaintextLength += currentLength;
                ciphertextLength += written;
                if (final)
                {
                    break;
                }

                (current, next) = (next, current);
                currentLength = nextLength;
                which ^= 1;
            }

            return new RecordEncryptionResult(plaintextLength, ciphertextLength, hash.GetHashAndReset());
        }
        finally
        {
            // The hashing task may still read an output buffer; it must finish before the buffer goes back.
            await hashing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            // Plaintext must not linger in the shared pool.
            ArrayPool<byte>.Shared.Return(current, clearArray: true);
            ArrayPool<byte>.Shared.Return(next, clearArray: true);
            ArrayPool<byte>.Shared.Return(outputs[0]);
            ArrayPool<byte>.Shared.Return(outputs[1]);
        }
    }
}
