using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using MedBlocks.Core.Encoding;

namespace MedBlocks.Core.Records;

/// <summary>
/// The 16-byte record header: <c>"MBRE" ‖ version (0x02) ‖ segment size (u32 BE) ‖ nonce prefix (7 random bytes)</c>.
/// </summary>
internal readonly struct RecordEnvelopeHeader
{
    public const int Length = 16;
    public const int NoncePrefixLength = 7;
    public const byte Version = 2;
    private static ReadOnlySpan<byte> Magic => "MBRE"u8;

    private readonly byte[] _bytes;

    private RecordEnvelopeHeader(byte[] bytes, int segmentSize)
    {
        _bytes = bytes;
        SegmentSize = segmentSize;
    }

    public int SegmentSize { get; }

    public ReadOnlySpan<byte> Bytes => _bytes;

    public ReadOnlySpan<byte> NoncePrefix => _bytes.AsSpan(9, NoncePrefixLength);

    public static bool IsSupportedSegmentSize(int segmentSize) =>
        segmentSize is >= RecordEnvelope.MinSegmentSize and <= RecordEnvelope.MaxSegmentSize
        && BitOperations.IsPow2(segmentSize);

    public static RecordEnvelopeHeader Create(int segmentSize)
    {
        if (!IsSupportedSegmentSize(segmentSize))
        {
            throw new ArgumentOutOfRangeException(nameof(segmentSize), segmentSize, "The segment size must be a power of two from 4 KiB to 4 MiB.");
        }

        var bytes = new byte[Length];
        Magic.CopyTo(bytes);
        bytes[4] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5), (uint)segmentSize);
        RandomNumberGenerator.Fill(bytes.AsSpan(9, NoncePrefixLength));
        return new RecordEnvelopeHeader(bytes, segmentSize);
    }

    /// <exception cref="RecordDecryptionException">Not a version 2 record header, or a segment size a reader refuses.</exception>
    public static RecordEnvelopeHeader Parse(ReadOnlySpan<byte> header)
    {
        if (header.Length < Length)
        {
            throw new RecordDecryptionException($"The record is truncated: {header.Length} bytes, shorter than its {Length}-byte header.");
        }

        if (!header[..4].SequenceEqual(Magic))
        {
            throw new RecordDecryptionException("The data is not a MedBlocks record (bad magic).");
        }

        if (header[4] != Version)
        {
            throw new RecordDecryptionException($"Record format version {header[4]} is not supported (expected {Version}).");
        }

        var segmentSize = BinaryPrimitives.ReadUInt32BigEndian(header[5..]);
        if (segmentSize > int.MaxValue || !IsSupportedSegmentSize((int)segmentSize))
        {
            throw new RecordDecryptionException($"The record's segment size {segmentSize} is not supported.");
        }

        return new RecordEnvelopeHeader(header[..Length].ToArray(), (int)segmentSize);
    }

    /// <summary>Associated data of every segment: length-prefixed version, patient, content type, and this header.</summary>
    public byte[] AssociatedData(string patient, string contentType) =>
        new LengthPrefixedFields()
            .Add([Version])
            .Add(patient)
            .Add(contentType)
            .Add(_bytes)
            .ToArray();
}
