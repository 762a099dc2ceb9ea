using MedBlocks.Ipfs.Store;
using MedBlocks.Ipfs.Tests.Fixtures;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Tests.Store;

public sealed class EmbeddedStoreInventoryTests : IDisposable
{
    private const int Chunk = FixtureContent.Chunk;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ScanAsync_FindsTheRootOfEveryFile_WhateverItsCidVersion()
    {
        var store = new EmbeddedRecordStore(new EmbeddedRecordStoreOptions { RootPath = _temp.Path, FlushToDisk = false });
        var expected = new List<string>();
        foreach (var (size, options) in new[] { (10, UnixFsImportOptions.CidV1), ((175 * Chunk) + 1, UnixFsImportOptions.CidV1), (10, UnixFsImportOptions.CidV0), ((2 * Chunk) + 1, UnixFsImportOptions.CidV0) })
        {
            // Different bytes per file, so no file's blocks are another's.
            var content = FixtureContent.Get(size + 1).ToArray().AsSpan(1).ToArray();
            content[0] ^= (byte)options.CidVersion;
            expected.Add((await store.ImportAsync(new MemoryStream(content), options)).ToString());
        }

        var inventory = await EmbeddedStoreInventory.ScanAsync(store.Blocks);

        Assert.Equal(expected.Order(StringComparer.Ordinal), inventory.Roots.Select(r => r.ToString()));
        Assert.Empty(inventory.DamagedBlocks);
        Assert.Equal(1 + (176 + 2 + 1) + 1 + (3 + 1), inventory.BlockCount);
    }

    [Fact]
    public async Task ScanAsync_DamagedBlock_IsListed()
    {
        var store = new EmbeddedRecordStore(new EmbeddedRecordStoreOptions { RootPath = _temp.Path, FlushToDisk = false });
        var cid = await store.AddAsync(new MemoryStream(FixtureContent.Get(3 * Chunk).ToArray()));
        var leaf = store.Blocks.GetBlockPath(CidCalculator.Compute(FixtureContent.Get(Chunk).Span));
        var bytes = await File.ReadAllBytesAsync(leaf);
        bytes[0] ^= 1;
        await File.WriteAllBytesAsync(leaf, bytes);

        var inventory = await EmbeddedStoreInventory.ScanAsync(store.Blocks);

        Assert.Equal([leaf], inventory.DamagedBlocks);
        Assert.Equal(cid, Assert.Single(inventory.Roots).ToString());
    }
}
