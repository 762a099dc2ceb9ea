using System.Security.Cryptography;
using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Store;
using MedBlocks.Ipfs.Tests.Fixtures;
using MedBlocks.Ipfs.UnixFs;
using Microsoft.Extensions.Options;

namespace MedBlocks.Ipfs.Tests.Store;

public sealed class EmbeddedRecordStoreTests : IDisposable
{
    private const int Chunk = FixtureContent.Chunk;
    private readonly TempDirectory _temp = new();

    public static TheoryData<int> NodeFixtureSizes() => IpfsNodeFixtureTable.Sizes();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(NodeFixtureSizes))]
    public async Task AddAsync_ThenOpenReadAsync_RoundTripsUnderTheIpfsNodeCid(int size)
    {
        var store = CreateStore(cidVersion: 1);
        using var content = FixtureContent.OpenStream(size);

        var cid = await store.AddAsync(content);
        await using var read = await store.OpenReadAsync(cid);
        var bytes = await ReadAllAsync(read);

        Assert.Equal(IpfsNodeFixtureTable.For(size).CidV1RawLeaves, cid);
        Assert.True(FixtureContent.Get(size).Span.SequenceEqual(bytes));
        Assert.True(await store.ContainsAsync(cid));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Chunk + 1)]
    [InlineData(175 * Chunk)]
    public async Task AddAsync_CidVersion0_RoundTripsUnderTheIpfsNodeCidWithSyncReads(int size)
    {
        var store = CreateStore(cidVersion: 0);
        using var content = FixtureContent.OpenStream(size);

        var cid = await store.AddAsync(content);
        using var read = await store.OpenReadAsync(cid);
        using var copy = new MemoryStream();
        read.CopyTo(copy, 100_000);

        Assert.Equal(IpfsNodeFixtureTable.For(size).CidV0, cid);
        Assert.True(FixtureContent.Get(size).Span.SequenceEqual(copy.ToArray()));
    }

    [Fact]
    public async Task AddAsync_64MiB_RoundTripsAndStoresOneBlockPerChunkPlusRoot()
    {
        const int size = 64 * 1024 * 1024;
        var store = CreateStore(cidVersion: 1);
        using var content = FixtureContent.OpenStream(size);

        var cid = await store.AddAsync(content);
        await using var read = await store.OpenReadAsync(cid);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int n;
        while ((n = await read.ReadAsync(buffer)) > 0)
        {
            sha.AppendData(buffer, 0, n);
            total += n;
        }

        Assert.Equal(size, total);
        Assert.Equal(SHA256.HashData(FixtureContent.Get(size).Span), sha.GetHashAndReset());
        Assert.Equal(CidCalculator.Compute(FixtureContent.Get(size).Span).ToString(), cid);
        // 256 raw leaves, two nodes of 174 and 82 leaves, one root.
        Assert.Equal(256 + 2 + 1, Directory.EnumerateFiles(_temp.Path, "*.data", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task OpenReadAsync_CorruptLeafOnDisk_ThrowsIntegrityNamingTheLeaf()
    {
        var store = CreateStore(cidVersion: 1);
        using var content = FixtureContent.OpenStream(3 * Chunk);
        var cid = await store.AddAsync(content);
        var secondLeaf = Cid.ForBlock(1, CidCodec.Raw, FixtureContent.Get(2 * Chunk).Span[Chunk..]);
        FlipByte(store.Blocks.GetBlockPath(secondLeaf), 1000);

        await using var read = await store.OpenReadAsync(cid);
        var buffer = new byte[Chunk];
        await read.ReadExactlyAsync(buffer);
        Assert.True(FixtureContent.Get(Chunk).Span.SequenceEqual(buffer));
        var ex = await Assert.ThrowsAsync<RecordIntegrityException>(() => read.ReadExactlyAsync(buffer).AsTask());

        Assert.Equal(secondLeaf.ToString(), ex.Cid);
        Assert.Contains(secondLeaf.ToString(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenReadAsync_CorruptDagPbLeafUnderCidV0_ThrowsIntegrityOnSyncRead()
    {
        var store = CreateStore(cidVersion: 0);
        using var content = FixtureContent.OpenStream(2 * Chunk);
        var cid = await store.AddAsync(content);
        var leafCids = Directory.EnumerateFiles(_temp.Path, "*.data", SearchOption.AllDirectories).ToList();
        var root = Cid.Parse(cid);
        var leafPath = leafCids.Single(p => p != store.Blocks.GetBlockPath(root) && new FileInfo(p).Length > Chunk && IsFirstLeaf(p));
        FlipByte(leafPath, 20);

        using var read = await store.OpenReadAsync(cid);
        var ex = Assert.Throws<RecordIntegrityException>(() => read.CopyTo(Stream.Null));

        Assert.Contains("does not hash to its address", ex.Message, StringComparison.Ordinal);
        Assert.Equal(store.Blocks.GetBlockPath(Cid.Parse(ex.Cid)), leafPath);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3 * Chunk)]
    public async Task OpenReadAsync_CorruptRootOnDisk_ThrowsIntegrityNamingTheRoot(int size)
    {
        var store = CreateStore(cidVersion: 1);
        using var content = FixtureContent.OpenStream(size);
        var cid = await store.AddAsync(content);
        var path = store.Blocks.GetBlockPath(Cid.Parse(cid));
        if (size == 0)
        {
            await File.WriteAllBytesAsync(path, [0x00]);
        }
        else
        {
            FlipByte(path, 10);
        }

        var ex = await Assert.ThrowsAsync<RecordIntegrityException>(() => store.OpenReadAsync(cid));

        Assert.Equal(cid, ex.Cid);
        if (size > 0)
        {
            // A dag-pb root is read and verified; a raw root is only checked for presence.
            Assert.False(await store.ContainsAsync(cid));
        }
    }

    [Fact]
    public async Task OpenReadAsync_MissingInnerBlock_ThrowsIntegrityNamingTheBlockAndContainsIsFalse()
    {
        var store = CreateStore(cidVersion: 1);
        using var content = FixtureContent.OpenStream(3 * Chunk);
        var cid = await store.AddAsync(content);
        var lastLeaf = Cid.ForBlock(1, CidCodec.Raw, FixtureContent.Get(3 * Chunk).Span[(2 * Chunk)..]);
        File.Delete(store.Blocks.GetBlockPath(lastLeaf));

        Assert.False(await store.ContainsAsync(cid));
        await using var read = await store.OpenReadAsync(cid);
        var ex = await Assert.ThrowsAsync<RecordIntegrityException>(() => read.CopyToAsync(Stream.Null));

        Assert.Equal(lastLeaf.ToString(), ex.Cid);
        Assert.Contains("missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains(cid, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenReadAsync_NothingStored_ThrowsNotFoundAndContainsIsFalse()
    {
        var store = CreateStore(cidVersion: 1);
        const string cid = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

        var ex = await Assert.ThrowsAsync<RecordNotFoundException>(() => store.OpenReadAsync(cid));

        Assert.Equal(cid, ex.Cid);
        Assert.False(await store.ContainsAsync(cid));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-cid")]
    [InlineData("bafyreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")]
    public async Task OpenReadAsync_TextThatIsNotACid_ThrowsArgumentException(string text)
    {
        var store = CreateStore(cidVersion: 1);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(text));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ContainsAsync(text));

        Assert.IsType<FormatException>(ex.InnerException);
    }

    [Fact]
    public async Task OpenReadAsync_ParentDeclaresWrongChildSize_ThrowsIntegrity()
    {
        var store = CreateStore(cidVersion: 1);
        var leaf = FixtureContent.Get(100).ToArray();
        var leafCid = Cid.ForBlock(1, CidCodec.Raw, leaf);
        var node = UnixFsBlockEncoder.InternalNode([new DagLink(leafCid, 100, 99)]);
        var nodeCid = Cid.ForBlock(1, CidCodec.DagPb, node);
        await store.Blocks.PutAsync(leafCid, leaf);
        await store.Blocks.PutAsync(nodeCid, node);

        await using var read = await store.OpenReadAsync(nodeCid.ToString());
        var ex = await Assert.ThrowsAsync<RecordIntegrityException>(() => read.CopyToAsync(Stream.Null));

        Assert.Equal(leafCid.ToString(), ex.Cid);
        Assert.Contains("100 file bytes where its parent declares 99", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenReadAsync_DirectoryNode_ThrowsIntegritySayingNotAFile()
    {
        var store = CreateStore(cidVersion: 1);
        byte[] directory = [0x0a, 0x02, 0x08, 0x01];
        var cid = Cid.ForBlock(1, CidCodec.DagPb, directory);
        await store.Blocks.PutAsync(cid, directory);

        var ex = await Assert.ThrowsAsync<RecordIntegrityException>(() => store.OpenReadAsync(cid.ToString()));

        Assert.Contains("UnixFS type 1 is not a file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenReadAsync_GarbageUnderItsOwnDagPbCid_ThrowsIntegrity()
    {
        var store = CreateStore(cidVersion: 1);
        byte[] garbage = [0xFF, 0xFF, 0xFF];
        var cid = Cid.ForBlock(1, CidCodec.DagPb, garbage);
        await store.Blocks.PutAsync(cid, garbage);

        var ex = await Assert.ThrowsAsync<RecordIntegrityException>(() => store.OpenReadAsync(cid.ToString()));

        Assert.Contains("not valid protobuf", ex.Message, StringComparison.Ordinal);
        Assert.False(await store.ContainsAsync(cid.ToString()));
    }

    [Fact]
    public async Task AddAsync_LeftoverTempFileFromACrash_IsIgnoredAndBlockIsWrittenWhole()
    {
        var store = CreateStore(cidVersion: 1);
        var content = FixtureContent.Get(1000).ToArray();
        var cid = Cid.ForBlock(1, CidCodec.Raw, content);
        var path = store.Blocks.GetBlockPath(cid);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var leftover = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.0123456789abcdef0123456789abcdef.tmp");
        await File.WriteAllBytesAsync(leftover, content.AsSpan(0, 500).ToArray());

        Assert.False(await store.ContainsAsync(cid.ToString()));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => store.OpenReadAsync(cid.ToString()));

        using var stream = new MemoryStream(content);
        var added = await store.AddAsync(stream);
        await using var read = await store.OpenReadAsync(added);

        Assert.Equal(cid.ToString(), added);
        Assert.Equal(content, await ReadAllAsync(read));
        Assert.Equal(content, await File.ReadAllBytesAsync(path));
        Assert.Equal(2, Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*", SearchOption.TopDirectoryOnly).Count());
    }

    [Fact]
    public async Task AddAsync_SameContentTwice_SameCidAndBlocksUnchanged()
    {
        var store = CreateStore(cidVersion: 1);

        using var once = FixtureContent.OpenStream(2 * Chunk);
        using var twice = FixtureContent.OpenStream(2 * Chunk);

        var first = await store.AddAsync(once);
        var files = Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).Order().ToList();
        var second = await store.AddAsync(twice);

        Assert.Equal(first, second);
        Assert.Equal(files, Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories).Order().ToList());
    }

    [Fact]
    public async Task AddAsync_Cancelled_ThrowsOperationCanceled()
    {
        var store = CreateStore(cidVersion: 1);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        using var content = FixtureContent.OpenStream(3 * Chunk);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AddAsync(content, cts.Token));
    }

    [Theory]
    [InlineData("", 1, "RootPath is required")]
    [InlineData("/tmp/x", 2, "CidVersion must be 0 or 1")]
    public void Constructor_InvalidOptions_ThrowsOptionsValidationException(string root, int version, string message)
    {
        var options = new EmbeddedRecordStoreOptions { RootPath = root, CidVersion = version };

        var ex = Assert.Throws<OptionsValidationException>(() => new EmbeddedRecordStore(options));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    private static bool IsFirstLeaf(string path)
    {
        var block = File.ReadAllBytes(path);
        return block.AsSpan(10, 64).SequenceEqual(FixtureContent.Get(64).Span);
    }

    private static void FlipByte(string path, int offset)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x01;
        File.WriteAllBytes(path, bytes);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private EmbeddedRecordStore CreateStore(int cidVersion) =>
        new(new EmbeddedRecordStoreOptions { RootPath = _temp.Path, CidVersion = cidVersion, FlushToDisk = false });
}
