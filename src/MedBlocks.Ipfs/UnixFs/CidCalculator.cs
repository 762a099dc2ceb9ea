using MedBlocks.Ipfs.Cids;

namespace MedBlocks.Ipfs.UnixFs;

/// <summary>
/// Computes the CID <c>ipfs add --only-hash</c> would give a file, streaming in constant memory
/// and storing nothing.
/// </summary>
public static class CidCalculator
{
    /// <summary>The CID of the stream's remaining bytes; null options mean CIDv1 with raw leaves.</summary>
    public static Cid Compute(Stream content, UnixFsImportOptions? options = null) =>
        UnixFsImporter.Import(content, options ?? UnixFsImportOptions.CidV1);

    /// <summary>The CID of bytes already in memory, hashed where they lie (no copy).</summary>
    public static Cid Compute(ReadOnlySpan<byte> content, UnixFsImportOptions? options = null) =>
        UnixFsImporter.Import(content, options ?? UnixFsImportOptions.CidV1);

    public static Task<Cid> ComputeAsync(Stream content, UnixFsImportOptions? options = null, CancellationToken cancellationToken = default) =>
        UnixFsImporter.ImportAsync(content, options ?? UnixFsImportOptions.CidV1, sink: null, cancellationToken);

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<Cid> ComputeFileAsync(string path, UnixFsImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            return await ComputeAsync(file, options, cancellationToken);
        }
    }
}
