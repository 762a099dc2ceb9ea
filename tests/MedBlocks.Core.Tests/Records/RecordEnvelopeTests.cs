using System.Buffers.Binary;
using System.Security.Cryptography;
using MedBlocks.Core.Encoding;
using MedBlocks.Core.Records;

namespace MedBlocks.Core.Tests.Records;

public sealed class RecordEnvelopeTests
{
    private const int Segment = RecordEnvelope.DefaultSegmentSize;
    private const string ContentType = "application/pdf";
    private static readonly string Patient = TestKeys.Patient.Address;
    private static readonly string OtherPatient = TestKeys.Practitioner.Address;

    public static TheoryData<int> Sizes => new() { 0, 1, Segment - 1, Segment, Segment + 1, (3 * Segment) + 17, 4 * Segment, 1024 * 1024 };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task EncryptAsyncDecryptAsync_Sizes_RoundTrip(int size)
    {
        var plaintext = RandomNumberGenerator.GetBytes(size);
        using var key = RecordKey.Generate();
        using var ciphertext = new MemoryStream();

        var result = await RecordEnvelope.EncryptAsync(new MemoryStream(plaintext), ciphertext, key, Patient, ContentType);
        ciphertext.Position = 0;
        using var decrypted = new MemoryStream();
        await RecordEnvelope.DecryptAsync(ciphertext, decrypted, key, Patient, ContentType);

        Assert.Equal(plaintext, decrypted.ToArray());
        Assert.Equal(size, result.PlaintextLength);
        Assert.Equal(RecordEnvelope.CiphertextLength(size), ciphertext.Length);
        Assert.Equal(ciphertext.Length, result.CiphertextLength);
        Assert.Equal(SHA256.HashData(ciphertext.ToArray()), result.CiphertextSha256.ToArray());
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task EncryptDecrypt_OneShot_MatchesStreamingFormat(int size)
    {
        var plaintext = RandomNumberGenerator.GetBytes(size);
        using var key = RecordKey.Generate();

        var ciphertext = RecordEnvelope.Encrypt(plaintext, key, Patient, ContentType);

        Assert.Equal(RecordEnvelope.CiphertextLength(size), ciphertext.Length);
        Assert.Equal(plaintext, RecordEnvelope.Decrypt(ciphertext, key, Patient, ContentType));
        using var decrypted = new MemoryStream();
        await RecordEnvelope.DecryptAsync(new MemoryStream(ciphertext), decrypted, key, Patient, ContentType);
        Assert.Equal(plaintext, decrypted.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Segment)]
    [InlineData((2 * Segment) + 5)]
    public async Task DecryptingStream_SmallSyncAndAsyncReads_RoundTrip(int size)
    {
        var plaintext = RandomNumberGenerator.GetBytes(size);
        using var key = RecordKey.Generate();
        var ciphertext = RecordEnvelope.Encrypt(plaintext, key, Patient, ContentType);

        using (var stream = RecordEnvelope.OpenDecryptingStream(new MemoryStream(ciphertext), key, Patient, ContentType))
        {
            var output = new MemoryStream();
            var buffer = new byte[1000];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
            }

            Assert.Equal(plaintext, output.ToArray());
            Assert.Equal(0, stream.Read(buffer));
        }

        await using var asyncStream = RecordEnvelope.OpenDecryptingStream(new MemoryStream(ciphertext), key, Patient, ContentType);
        var copy = new MemoryStream();
        await asyncStream.CopyToAsync(copy, 7777);
        Assert.Equal(plaintext, copy.ToArray());
    }

    [Fact]
    public void DecryptingStream_KeyDisposedAfterOpening_StillDecrypts()
    {
        var plaintext = RandomNumberGenerator.GetBytes(5000);
        var key = RecordKey.Generate();
        var ciphertext = RecordEnvelope.Encrypt(plaintext, key, Patient, ContentType);

        using var stream = RecordEnvelope.OpenDecryptingStream(new MemoryStream(ciphertext), key, Patient, ContentType);
        key.Dispose();
        using var output = new MemoryStream();
        stream.CopyTo(output);

        Assert.Equal(plaintext, output.ToArray());
    }

    [Fact]
    public void Encrypt_SamePlaintextTwice_DiffersByNoncePrefix()
    {
        using var key = RecordKey.Generate();

        var one = RecordEnvelope.Encrypt("x"u8, key, Patient, ContentType);
        var two = RecordEnvelope.Encrypt("x"u8, key, Patient, ContentType);

        Assert.Equal(one[..9], two[..9]);
        Assert.NotEqual(one[9..16], two[9..16]);
        Assert.NotEqual(one[16..], two[16..]);
    }

    [Fact]
    public void Encrypt_Layout_MatchesDocumentedFormat()
    {
        var plaintext = RandomNumberGenerator.GetBytes(Segment + 10);
        using var key = RecordKey.Generate();

        var ciphertext = RecordEnvelope.Encrypt(plaintext, key, Patient, ContentType);

        // Header: "MBRE" ‖ 0x02 ‖ segment size (u32 BE) ‖ 7-byte nonce prefix.
        Assert.Equal("MBRE"u8.ToArray(), ciphertext[..4]);
        Assert.Equal(2, ciphertext[4]);
        Assert.Equal((uint)Segment, BinaryPrimitives.ReadUInt32BigEndian(ciphertext.AsSpan(5)));
        var header = ciphertext[..16];
        var associatedData = new LengthPrefixedFields().Add([2]).Add(Patient).Add(ContentType).Add(header).ToArray();
        using var aes = new AesGcm(key.Span, 16);
        var first = new byte[Segment];
        var second = new byte[10];
        var nonce = new byte[12];
        ciphertext.AsSpan(9, 7).CopyTo(nonce);

        // Segment 0: counter 0, not last.
        aes.Decrypt(nonce, ciphertext.AsSpan(16, Segment), ciphertext.AsSpan(16 + Segment, 16), first, associatedData);
        // Segment 1: counter 1, last flag 1.
        nonce[10] = 1;
        nonce[11] = 1;
        aes.Decrypt(nonce, ciphertext.AsSpan(32 + Segment, 10), ciphertext.AsSpan(42 + Segment, 16), second, associatedData);

        Assert.Equal(plaintext, first.Concat(second).ToArray());
    }

    public static TheoryData<string, int> Tampering => new()
    {
        { "magic", 0 },
        { "version", 4 },
        { "nonce prefix", 10 },
        { "first segment body", 16 },
        { "first segment tag", 16 + Segment + 3 },
        { "last segment body", 32 + Segment },
        { "last segment tag", 32 + Segment + 100 + 15 },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Decrypt_BitFlipped_ThrowsRecordDecryption(string region, int offset)
    {
        Assert.NotNull(region);
        using var key = RecordKey.Generate();
        var ciphertext = RecordEnvelope.Encrypt(RandomNumberGenerator.GetBytes(Segment + 100), key, Patient, ContentType);
        ciphertext[offset] ^= 0x01;

        await AssertAllDecryptPathsFail(ciphertext, key, Patient, ContentType);
    }

    [Fact]
    public async Task Decrypt_SegmentSizeInHeaderChanged_ThrowsRecordDecryption()
    {
        using var key = RecordKey.Generate();
        var ciphertext = RecordEnvelope.Encrypt(RandomNumberGenerator.GetBytes(100), key, Patient, ContentType);

        foreach (var size in new uint[] { 32 * 1024, 3, 0, 8 * 1024 * 1024, uint.MaxValue })
        {
            var altered = ciphertext.ToArray();
            BinaryPrimitives.WriteUInt32BigEndian(altered.AsSpan(5), size);
            await AssertAllDecryptPathsFail(altered, key, Patient, ContentType);
        }
    }

    [Fact]
    public async Task Decrypt_Truncated_ThrowsRecordDecryption()
    {
        using var key = RecordKey.Generate();
        var ciphertext = RecordEnvelope.Encrypt(RandomNumberGenerator.GetBytes((2 * Segment) + 100), key, Patient, ContentType);
        var segmentLength = Segment + 16;

        int[] lengths =
        [
            0, 5, 15, 16, 17, 31,
            16 + segmentLength,                  // last segment dropped at a boundary
            16 + (2 * segmentLength),            // only the short last segment dropped
            16 + segmentLength - 1,
            ciphertext.Length - 1,
            ciphertext.Length - 16,
        ];
        foreach (var length in lengths)
        {
            await AssertAllDecryptPathsFail(ciphertext[..length], key, Patient, ContentType);
        }
    }

    [Fact]
    public async Task Decrypt_FullSizeLastSegmentDropped_ThrowsRecordDecryption()
    {
        using var key = RecordKey.Generate();
        var ciphertext = RecordEnvelope.Encrypt(RandomNumberGenerator.GetBytes(2 * Segment), key, Patient, ContentType);

        await AssertAllDecryptPathsFail(ciphertext[..(16 + Segment + 16)], key, Patient, ContentType);
    }

    [Fact]
    public async Task Decrypt_BytesAppended_ThrowsRecordDecryption()
    {
        using var key = RecordKey.Generate();
        var ciphertext = RecordEnvelope.Encrypt(RandomNumberGenerator.GetBytes(Segment + 100), key, Patient, ContentType);
        var emptyRecord = RecordEnvelope.Encrypt([], key, Patient, ContentType);

        await AssertAllDecryptPathsFail([.. ciphertext, 0], key, Patient, ContentType);
        await AssertAllDecryptPathsFail([.. ciphertext, .. new byte[16]], key, Patient, ContentType);
        await AssertAllDecryptPathsFail([.. ciphertext, .. ciphertext[16..]], key, Patient, ContentType);
        await AssertAllDecryptPathsFail([.. emptyRecord, .. emptyRecord[16..]], key, Patient, ContentType);
    }

    [Fact]
    public async Task Decrypt_SegmentsSwapped_ThrowsRecordDecryption()
    {
        using var key = RecordKey.Generate();
        var ciphertext = RecordEnvelope.Encrypt(RandomNumberGenerator.GetBytes(3 * Segment), key, Patient, ContentType);
        var segmentLength = Segment + 16;
        var first = ciphertext.AsSpan(16, segmentLength).ToArray();
        var second = ciphertext.AsSpan(16 + segmentLength, segmentLength).ToArray();
        var swapped = ciphertext.ToArray();
        second.CopyTo(swapped, 16);
        first.CopyTo(swapped, 16 + segmentLength);

        await AssertAllDecryptPathsFail(swapped, key, Patient, ContentType);
    }

    [Fact]
    public async Task Decrypt_SegmentFromAnotherRecordSameKey_ThrowsRecordDecryption()
    {
        using var key = RecordKey.Generate();
        var one = RecordEnvelope.Encrypt(RandomNumberGenerator.GetBytes(Segment + 1), key, Patient, ContentType);
        var two = RecordEnvelope.Encrypt(RandomNumberGenerator.GetBytes(Segment + 1), key, Patient, ContentType);
        var spliced = one.ToArray();
        two.AsSpan(16, Segment + 16).CopyTo(spliced.AsSpan(16));

        await AssertAllDecryptPathsFail(spliced, key, Patient, ContentType);
    }

    [Fact]
    public async Task Decrypt_WrongKeyPatientOrContentType_ThrowsRecordDecryption()
    {
        using var key = RecordKey.Generate();
        using var otherKey = RecordKey.Generate();
        var ciphertext = RecordEnvelope.Encrypt("blood panel"u8, key, Patient, ContentType);

        await AssertAllDecryptPathsFail(ciphertext, otherKey, Patient, ContentType);
        await AssertAllDecryptPathsFail(ciphertext, key, OtherPatient, ContentType);
        await AssertAllDecryptPathsFail(ciphertext, key, Patient, "application/pdF");
        await AssertAllDecryptPathsFail(ciphertext, key, Patient, "pdf");
    }

    [Fact]
    public void Decrypt_NotARecord_NamesTheProblem()
    {
        using var key = RecordKey.Generate();

        var e = Assert.Throws<RecordDecryptionException>(() => RecordEnvelope.Decrypt(new byte[64], key, Patient, ContentType));

        Assert.Contains("magic", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-address", "pdf")]
    [InlineData("", "pdf")]
    [InlineData("2NEpo7TZRRrLZSi2U", "pdf")]
    [InlineData("self", "")]
    [InlineData("self", " pdf")]
    [InlineData("self", "pdf\n")]
    [InlineData("self", "pdfé")]
    public void Encrypt_BadBinding_ThrowsArgument(string patient, string contentType)
    {
        using var key = RecordKey.Generate();
        patient = patient == "self" ? Patient : patient;

        Assert.Throws<ArgumentException>(() => RecordEnvelope.Encrypt("x"u8, key, patient, contentType));
        Assert.Throws<ArgumentException>(() => RecordEnvelope.OpenDecryptingStream(new MemoryStream(), key, patient, contentType));
    }

    [Fact]
    public void Encrypt_DisposedKey_ThrowsObjectDisposed()
    {
        var key = RecordKey.Generate();
        key.Dispose();

        Assert.Throws<ObjectDisposedException>(() => RecordEnvelope.Encrypt("x"u8, key, Patient, ContentType));
    }

    [Fact]
    public async Task DecryptAsync_Cancelled_Throws()
    {
        using var key = RecordKey.Generate();
        var ciphertext = RecordEnvelope.Encrypt(new byte[3 * Segment], key, Patient, ContentType);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => RecordEnvelope.DecryptAsync(new MemoryStream(ciphertext), Stream.Null, key, Patient, ContentType, cancelled.Token));
    }

    [Fact]
    public async Task EncryptAsync_SmallSegments_ReadByDefaultReader()
    {
        var plaintext = RandomNumberGenerator.GetBytes(10_000);
        using var key = RecordKey.Generate();
        using var ciphertext = new MemoryStream();

        await RecordEnvelope.EncryptAsync(new MemoryStream(plaintext), ciphertext, key, Patient, ContentType, 4096, CancellationToken.None);

        Assert.Equal(RecordEnvelope.CiphertextLength(10_000, 4096), ciphertext.Length);
        Assert.Equal(plaintext, RecordEnvelope.Decrypt(ciphertext.ToArray(), key, Patient, ContentType));
    }

    [Fact]
    public async Task EncryptAsync_TricklingSource_SameSegmentation()
    {
        var plaintext = RandomNumberGenerator.GetBytes((2 * Segment) + 3);
        using var key = RecordKey.Generate();
        using var ciphertext = new MemoryStream();

        await RecordEnvelope.EncryptAsync(new TricklingStream(plaintext, 1000), ciphertext, key, Patient, ContentType);

        Assert.Equal(RecordEnvelope.CiphertextLength(plaintext.Length), ciphertext.Length);
        Assert.Equal(plaintext, RecordEnvelope.Decrypt(ciphertext.ToArray(), key, Patient, ContentType));
        using var decrypted = new MemoryStream();
        await RecordEnvelope.DecryptAsync(new TricklingStream(ciphertext.ToArray(), 333), decrypted, key, Patient, ContentType);
        Assert.Equal(plaintext, decrypted.ToArray());
    }

    [Fact]
    public async Task EncryptAsync_SourceFailsMidway_PropagatesTheError()
    {
        using var key = RecordKey.Generate();
        using var source = new FailingStream(new byte[3 * Segment], failAfter: (2 * Segment) + 10);

        await Assert.ThrowsAsync<IOException>(() => RecordEnvelope.EncryptAsync(source, Stream.Null, key, Patient, ContentType));
    }

    [Fact]
    public async Task EncryptAsync_Cancelled_Throws()
    {
        using var key = RecordKey.Generate();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => RecordEnvelope.EncryptAsync(new MemoryStream(new byte[3 * Segment]), Stream.Null, key, Patient, ContentType, cancelled.Token));
    }

    private static async Task AssertAllDecryptPathsFail(byte[] ciphertext, RecordKey key, string patient, string contentType)
    {
        Assert.Throws<RecordDecryptionException>(() => RecordEnvelope.Decrypt(ciphertext, key, patient, contentType));
        await Assert.ThrowsAsync<RecordDecryptionException>(
            () => RecordEnvelope.DecryptAsync(new MemoryStream(ciphertext), Stream.Null, key, patient, contentType));
        Assert.Throws<RecordDecryptionException>(() =>
        {
            using var stream = RecordEnvelope.OpenDecryptingStream(new MemoryStream(ciphertext), key, patient, contentType);
            stream.CopyTo(Stream.Null);
        });
    }

    /// <summary>Hands out at most a few bytes per read, as a network stream does.</summary>
    private sealed class TricklingStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);
    }

    /// <summary>Throws once a read would go past <c>failAfter</c> bytes, like a dropped connection.</summary>
    private sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position + buffer.Length > failAfter
                ? ValueTask.FromException<int>(new IOException("connection lost"))
                : base.ReadAsync(buffer, cancellationToken);
    }
}
