using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Blocks;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Tests.Fixtures;

namespace MedBlocks.Ipfs.Tests.Blocks;

public sealed class FileBlockStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void GetBlockPath_EmptyFileCidV0_IsKuboFlatfsNameShardedByNextToLastTwoCharacters()
    {
        var store = new FileBlockStore(_temp.Path);
        var cid = Cid.Parse("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");

        var path = store.GetBlockPath(cid);

        // Where js-ipfs 0.66.1 stored this block in its own repo (blocks/DZ/…).
        const string name = "CIQL7TG2PB52XIZLLHDYIUFMHUQLMMZWBNBZSLDXFCPZ5VDNQQ2WDZQ";
        Assert.Equal(Path.Combine(_temp.Path, "DZ", name + ".data"), path);
        Assert.Equal(path, store.GetBlockPath(cid.ToV1()));
    }

    [Fact]
    public async Task PutAsync_ThenGetAsync_ReturnsTheBytesAndLeavesNoTempFile()
    {
        var store = new FileBlockStore(_temp.Path, flushToDisk: true);
        var block = FixtureContent.Get(5000).ToArray();
        var cid = Cid.ForBlock(1, CidCodec.Raw, block);

        await store.PutAsync(cid, block);

        Assert.True(store.Contains(cid));
        Assert.Equal(block, await store.GetAsync(cid));
        Assert.Single(Directory.EnumerateFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task PutAsync_TruncatedFileUnderTheName_IsReplaced()
    {
        var store = new FileBlockStore(_temp.Path);
        var block = FixtureContent.Get(5000).ToArray();
        var cid = Cid.ForBlock(1, CidCodec.Raw, block);
        await store.PutAsync(cid, block);
        await File.WriteAllBytesAsync(store.GetBlockPath(cid), block.AsSpan(0, 10).ToArray());

        await store.PutAsync(cid, block);

        Assert.Equal(block, await store.GetAsync(cid));
    }

    [Fact]
    public async Task GetAsync_Absent_ReturnsNull()
    {
        var store = new FileBlockStore(_temp.Path);

        Assert.Null(await store.GetAsync(Cid.ForBlock(1, CidCodec.Raw, "absent"u8)));
    }

    [Fact]
    public async Task GetAsync_OversizedFileUnderABlockName_ThrowsIntegrity()
    {
        var store = new FileBlockStore(_temp.Path);
        var cid = Cid.ForBlock(1, CidCodec.Raw, "x"u8);
        var path = store.GetBlockPath(cid);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = File.Create(path))
        {
            file.SetLength(FileBlockStore.MaxBlockSize + 1);
        }

        var ex = await Assert.ThrowsAsync<RecordIntegrityException>(() => store.GetAsync(cid));

        Assert.Equal(cid.ToString(), ex.Cid);
    }
}
