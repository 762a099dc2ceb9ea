namespace MedBlocks.Ipfs.UnixFs;

/// <summary>
/// How a file is cut into a UnixFS DAG; the defaults match Kubo's <c>ipfs add --cid-version=1</c>
/// (262144-byte chunks, balanced layout of at most 174 links, raw leaves).
/// </summary>
public sealed record UnixFsImportOptions
{
    public const int DefaultChunkSize = 262144;
    public const int DefaultMaxLinks = 174;

    /// <summary><c>ipfs add</c>: CIDv0, dag-pb leaves.</summary>
    public static UnixFsImportOptions CidV0 { get; } = new() { CidVersion = 0 };

    /// <summary><c>ipfs add --cid-version=1</c>: raw leaves.</summary>
    public static UnixFsImportOptions CidV1 { get; } = new() { CidVersion = 1 };

    /// <summary><c>ipfs add --cid-version=1 --raw-leaves=false</c>: dag-pb leaves under CIDv1.</summary>
    public static UnixFsImportOptions CidV1DagPbLeaves { get; } = new() { CidVersion = 1, RawLeaves = false };

    public int CidVersion { get; init; } = 1;

    /// <summary>Null follows Kubo: raw leaves exactly when <see cref="CidVersion"/> is 1.</summary>
    public bool? RawLeaves { get; init; }

    public bool UsesRawLeaves => RawLeaves ?? CidVersion == 1;

    // Tests shrink these to exercise deep trees with little data.
    internal int ChunkSize { get; init; } = DefaultChunkSize;

    internal int MaxLinks { get; init; } = DefaultMaxLinks;

    /// <exception cref="ArgumentException">The combination is not one <c>ipfs add</c> produces.</exception>
    public void Validate()
    {
        if (CidVersion is not (0 or 1))
        {
            throw new ArgumentException($"CID version must be 0 or 1, not {CidVersion}.", nameof(CidVersion));
        }

        if (CidVersion == 0 && RawLeaves == true)
        {
            throw new ArgumentException("Raw leaves need CID version 1.", nameof(RawLeaves));
        }

        if (ChunkSize is < 1 or > 1024 * 1024)
        {
            throw new ArgumentException("Chunk size must be between 1 byte and 1 MiB.", nameof(ChunkSize));
        }

        if (MaxLinks < 2)
        {
            throw new ArgumentException("A node needs room for at least two links.", nameof(MaxLinks));
        }
    }
}
