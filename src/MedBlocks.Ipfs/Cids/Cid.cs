using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using MedBlocks.Core.Encoding;
using MedBlocks.Ipfs.Encoding;

namespace MedBlocks.Ipfs.Cids;

/// <summary>
/// A content identifier with a sha2-256 multihash: version 0 (dag-pb, base58btc "Qm…") or
/// version 1 (raw or dag-pb; text in base32 "b…", base58btc "z…" is also parsed).
/// </summary>
public sealed class Cid : IEquatable<Cid>
{
    private const int V0TextLength = 46;
    private const int V1BinaryLength = 2 + Sha256Multihash.Length;

    // The binary form: the bare multihash for v0, version + codec + multihash for v1.
    private readonly byte[] _bytes;

    private Cid(byte[] bytes, int version, CidCodec codec)
    {
        _bytes = bytes;
        Version = version;
        Codec = codec;
    }

    public int Version { get; }

    public CidCodec Codec { get; }

    /// <summary>The sha2-256 multihash (0x12 0x20 digest).</summary>
    public ReadOnlySpan<byte> Multihash => Version == 0 ? _bytes : _bytes.AsSpan(2);

    /// <summary>The 32-byte SHA-256 digest of the block.</summary>
    public ReadOnlySpan<byte> Digest => Multihash[2..];

    /// <summary>Length of the binary form (34 for v0, 36 for v1).</summary>
    public int ByteLength => _bytes.Length;

    internal ReadOnlySpan<byte> Bytes => _bytes;

    public static Cid CreateV0(ReadOnlySpan<byte> sha256Digest)
    {
        CheckDigest(sha256Digest);
        var bytes = new byte[Sha256Multihash.Length];
        Sha256Multihash.Write(bytes, sha256Digest);
        return new Cid(bytes, 0, CidCodec.DagPb);
    }

    public static Cid CreateV1(CidCodec codec, ReadOnlySpan<byte> sha256Digest)
    {
        CheckDigest(sha256Digest);
        if (codec is not (CidCodec.Raw or CidCodec.DagPb))
        {
            throw new ArgumentOutOfRangeException(nameof(codec), codec, "Only raw and dag-pb are supported.");
        }

        var bytes = new byte[V1BinaryLength];
        bytes[0] = 1;
        bytes[1] = (byte)codec;
        Sha256Multihash.Write(bytes.AsSpan(2), sha256Digest);
        return new Cid(bytes, 1, codec);
    }

    /// <summary>The CID of <paramref name="block"/> (hashed with SHA-256) for the given version and codec.</summary>
    public static Cid ForBlock(int version, CidCodec codec, ReadOnlySpan<byte> block)
    {
        Span<byte> digest = stackalloc byte[Sha256Multihash.DigestLength];
        SHA256.HashData(block, digest);
        return version switch
        {
            0 when codec == CidCodec.DagPb => CreateV0(digest),
            0 => throw new ArgumentException("CIDv0 can only address dag-pb blocks.", nameof(codec)),
            1 => CreateV1(codec, digest),
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "CID version must be 0 or 1."),
        };
    }

    /// <exception cref="FormatException">The text is not a supported CID; the message says why.</exception>
    public static Cid Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseCore(text, out var cid, out var error) ? cid : throw new FormatException(error);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Cid? cid)
    {
        cid = null;
        return text is not null && TryParseCore(text, out cid, out _);
    }

    /// <summary>Reads a CID in binary form that fills <paramref name="bytes"/> exactly.</summary>
    /// <exception cref="FormatException">The bytes are not a supported CID.</exception>
    public static Cid FromBytes(ReadOnlySpan<byte> bytes) =>
        TryReadBinary(bytes, out var cid, out var error)
            ? cid
            : throw new FormatException($"The bytes are not a CID: {error}.");

    internal static bool TryReadBinary(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out Cid? cid, [NotNullWhen(false)] out string? error)
    {
        cid = null;
        if (bytes.Length == Sha256Multihash.Length && bytes[0] == Sha256Multihash.Code)
        {
            if (bytes[1] != Sha256Multihash.DigestLength)
            {
                error = "the sha2-256 multihash must hold a 32-byte digest";
                return false;
            }

            cid = new Cid(bytes.ToArray(), 0, CidCodec.DagPb);
            error = null;
            return true;
        }

        if (!Varint.TryRead(bytes, out var version, out var used))
        {
            error = "the version varint is malformed";
            return false;
        }

        if (version != 1)
        {
            error = version == 0x12 ? "a CIDv0 must be exactly a 34-byte sha2-256 multihash" : $"version {version} is not supported";
            return false;
        }

        var rest = bytes[used..];
        if (!Varint.TryRead(rest, out var codec, out used))
        {
            error = "the codec varint is malformed";
            return false;
        }

        if (codec is not ((ulong)CidCodec.Raw or (ulong)CidCodec.DagPb))
        {
            error = $"codec 0x{codec:x} is not supported (only raw 0x55 and dag-pb 0x70)";
            return false;
        }

        var multihash = rest[used..];
        if (multihash.Length < 2 || multihash[0] != Sha256Multihash.Code)
        {
            error = multihash.Length == 0 ? "the multihash is missing" : $"multihash 0x{multihash[0]:x} is not supported (only sha2-256 0x12)";
            return false;
        }

        if (multihash[1] != Sha256Multihash.DigestLength || multihash.Length != Sha256Multihash.Length)
        {
            error = "the sha2-256 multihash must hold exactly a 32-byte digest";
            return false;
        }

        cid = CreateV1((CidCodec)codec, multihash[2..]);
        error = null;
        return true;
    }

    public byte[] ToBytes() => (byte[])_bytes.Clone();

    /// <summary>The same block addressed as CIDv1 (a v1 CID is returned as is).</summary>
    public Cid ToV1() => Version == 1 ? this : CreateV1(Codec, Digest);

    /// <summary>Canonical text: base58btc for v0, multibase base32 lower-case ('b') for v1.</summary>
    public override string ToString() =>
        Version == 0 ? Base58.Encode(_bytes) : "b" + Base32.EncodeLower(_bytes);

    public bool Equals(Cid? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => obj is Cid other && Equals(other);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, _bytes.Length - 4);

    public static bool operator ==(Cid? left, Cid? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Cid? left, Cid? right) => !(left == right);

    private static bool TryParseCore(string text, [NotNullWhen(true)] out Cid? cid, out string error)
    {
        cid = null;
        if (text.Length == 0)
        {
            error = "An empty string is not a CID.";
            return false;
        }

        byte[] bytes;
        if (text.Length == V0TextLength && text.StartsWith("Qm", StringComparison.Ordinal))
        {
            if (!Base58.TryDecode(text, out bytes))
            {
                error = $"'{text}' is not a CID: a CIDv0 must be base58btc.";
                return false;
            }
        }
        else if (text[0] == 'b')
        {
            if (!Base32.TryDecodeLower(text.AsSpan(1), out bytes))
            {
                error = $"'{text}' is not a CID: the text after 'b' is not lower-case base32.";
                return false;
            }
        }
        else if (text[0] == 'z')
        {
            if (!Base58.TryDecode(text[1..], out bytes))
            {
                error = $"'{text}' is not a CID: the text after 'z' is not base58btc.";
                return false;
            }
        }
        else
        {
            error = $"'{text}' is not a CID: expected a CIDv0 ('Qm…', 46 characters) or a CIDv1 in base32 ('b…') or base58btc ('z…').";
            return false;
        }

        if (!TryReadBinary(bytes, out cid, out var binaryError))
        {
            error = $"'{text}' is not a CID: {binaryError}.";
            return false;
        }

        if (text[0] != 'Q' && cid.Version == 0)
        {
            // A multibase prefix in front of a bare multihash is not a valid CIDv0 text form.
            cid = null;
            error = $"'{text}' is not a CID: a CIDv0 is written in base58btc without a multibase prefix.";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static void CheckDigest(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != Sha256Multihash.DigestLength)
        {
            throw new ArgumentException("A sha2-256 digest is 32 bytes.", nameof(digest));
        }
    }
}
