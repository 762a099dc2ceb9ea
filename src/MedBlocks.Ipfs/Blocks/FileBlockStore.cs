using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Encoding;

namespace MedBlocks.Ipfs.Blocks;

/// <summary>
/// Blocks as files under a root directory, laid out like Kubo's flatfs: the name is the upper-case
/// base32 of the multihash, sharded by its next-to-last two characters. Blocks are keyed by multihash,
/// so a CIDv0 and a CIDv1 of the same bytes share one file. Writes go to a temporary file that is
/// flushed and renamed into place, so a crash never leaves a partial block under a block's name.
/// </summary>
public sealed class FileBlockStore
{
    /// <summary>Larger than any block a UnixFS importer writes (Kubo refuses blocks over 2 MiB).</summary>
    public const int MaxBlockSize = 2 * 1024 * 1024;

    private const string BlockExtension = ".data";
    private const string TempExtension = ".tmp";

    private readonly bool _flushToDisk;

    public FileBlockStore(string rootPath, bool flushToDisk = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        RootPath = Path.GetFullPath(rootPath);
        _flushToDisk = flushToDisk;
        Directory.CreateDirectory(RootPath);
    }

    public string RootPath { get; }

    public string GetBlockPath(Cid cid)
    {
        ArgumentNullException.ThrowIfNull(cid);
        var name = Base32.EncodeUpper(cid.Multihash);
        return Path.Combine(RootPath, name[^3..^1], name + BlockExtension);
    }

    public bool Contains(Cid cid) => File.Exists(GetBlockPath(cid));

    /// <summary>Every stored block as (multihash, file path); temporary files and foreign names are skipped.</summary>
    public IEnumerable<(byte[] Multihash, string Path)> EnumerateBlocks()
    {
        foreach (var path in Directory.EnumerateFiles(RootPath, "*" + BlockExtension, SearchOption.AllDirectories))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!name.StartsWith('.') && Base32.TryDecodeLower(name.ToLowerInvariant(), out var multihash)
                && multihash.Length == Sha256Multihash.Length && multihash[0] == Sha256Multihash.Code && multihash[1] == Sha256Multihash.DigestLength)
            {
                yield return (multihash, path);
            }
        }
    }

    /// <summary>
    /// Stores a block unless it is already present; a stored file of the wrong length (damaged) is replaced.
    /// The caller vouches that the bytes hash to <paramref name="cid"/>.
    /// </summary>
    public async Task PutAsync(Cid cid, ReadOnlyMemory<byte> block, CancellationToken cancellationToken = default)
    {
        if (block.Length > MaxBlockSize)
        {
            throw new ArgumentException($"Block {cid} is larger than {MaxBlockSize} bytes.", nameof(block));
        }

        var path = GetBlockPath(cid);
        var existing = new FileInfo(path);
        if (existing.Exists && existing.Length == block.Length)
        {
            // Content-addressed: a present block of the right length is this block (reads verify the hash).
            return;
        }

        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempExtension}");
        try
        {
            var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                await file.WriteAsync(block, cancellationToken);
                file.Flush(flushToDisk: _flushToDisk);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The block's bytes, or null when it is not stored. The bytes are not verified here.</summary>
    public async Task<byte[]?> GetAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        var buffer = new BlockBuffer();
        var length = await ReadAsync(cid, buffer, cancellationToken);
        return length < 0 ? null : buffer.Array.AsSpan(0, length).ToArray();
    }

    /// <summary>Reads a block into <paramref name="buffer"/>; -1 when it is not stored.</summary>
    internal async ValueTask<int> ReadAsync(Cid cid, BlockBuffer buffer, CancellationToken cancellationToken)
    {
        FileStream file;
        try
        {
            file = new FileStream(GetBlockPath(cid), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return -1;
        }

        await using (file.ConfigureAwait(false))
        {
            var length = CheckLength(cid, file.Length);
            buffer.EnsureCapacity(length);
            await file.ReadExactlyAsync(buffer.Array.AsMemory(0, length), cancellationToken);
            return length;
        }
    }

    /// <summary>Reads a block into <paramref name="buffer"/>; -1 when it is not stored.</summary>
    internal int Read(Cid cid, BlockBuffer buffer)
    {
        FileStream file;
        try
        {
            file = new FileStream(GetBlockPath(cid), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return -1;
        }

        using (file)
        {
            var length = CheckLength(cid, file.Length);
            buffer.EnsureCapacity(length);
            file.ReadExactly(buffer.Array.AsSpan(0, length));
            return length;
        }
    }

    private static int CheckLength(Cid cid, long length) =>
        length <= MaxBlockSize
            ? (int)length
            : throw new RecordIntegrityException(cid.ToString(), $"the stored block is {length} bytes, over the {MaxBlockSize}-byte limit.");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temporary file is ignored by readers and harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
