using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Tests.Fixtures;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Tests.UnixFs;

public sealed class BalancedDagBuilderTests
{
    private const int SmallChunk = 4;
    private const int SmallMaxLinks = 3;

    public static TheoryData<int> ChunkCounts()
    {
        // With 3 links per node: full trees at 3, 9, 27, 81 leaves and one past each, plus odd counts.
        var data = new TheoryData<int>();
        foreach (var count in new[] { 0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 26, 27, 28, 30, 40, 80, 81, 82, 100, 243, 244 })
        {
            data.Add(count);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ChunkCounts))]
    public void Complete_SmallMaxLinks_MatchesKuboLayoutModelForEveryMode(int chunkCount)
    {
        // A short last chunk also exercises partial leaves.
        var content = FixtureContent.Get(Math.Max(0, (chunkCount * SmallChunk) - (chunkCount % 2))).ToArray();
        foreach (var (version, raw) in new[] { (0, false), (1, true), (1, false) })
        {
            var options = new UnixFsImportOptions { CidVersion = version, RawLeaves = raw, ChunkSize = SmallChunk, MaxLinks = SmallMaxLinks };

            var (model, _) = KuboBalancedLayoutModel.Build(content, SmallChunk, SmallMaxLinks, version, raw);

            Assert.Equal(model, CidCalculator.Compute(content, options));
            using var stream = new MemoryStream(content);
            Assert.Equal(model, CidCalculator.Compute(stream, options));
        }
    }

    [Fact]
    public void Complete_MoreThanMaxLinksSquaredChunks_GrowsATreeOfDepthThree()
    {
        // The shape Kubo gives 174*174+1 chunks, scaled down: 3*3+1 chunks need a third level.
        var content = FixtureContent.Get(((SmallMaxLinks * SmallMaxLinks) + 1) * SmallChunk).ToArray();
        var (model, depth) = KuboBalancedLayoutModel.Build(content, SmallChunk, SmallMaxLinks, 1, true);
        var options = new UnixFsImportOptions { ChunkSize = SmallChunk, MaxLinks = SmallMaxLinks };

        Assert.Equal(3, depth);
        Assert.Equal(model, CidCalculator.Compute(content, options));
    }

    [Theory]
    [InlineData(174)]
    [InlineData(175)]
    [InlineData(349)]
    [InlineData(400)]
    public void Complete_RealMaxLinks_MatchesKuboLayoutModel(int chunkCount)
    {
        // Real 174-link fan-out over a few hundred small chunks.
        const int chunk = 64;
        var content = FixtureContent.Get((chunkCount * chunk) - 7).ToArray();
        var options = new UnixFsImportOptions { CidVersion = 0, ChunkSize = chunk };

        var (model, depth) = KuboBalancedLayoutModel.Build(content, chunk, UnixFsImportOptions.DefaultMaxLinks, 0, false);

        Assert.Equal(chunkCount <= 174 ? 1 : 2, depth);
        Assert.Equal(model, CidCalculator.Compute(content, options));
        using var stream = new MemoryStream(content);
        Assert.Equal(model, CidCalculator.Compute(stream, options));
    }

    [Fact]
    public void AddChunk_EmitsEveryBlockOnce_ChildrenBeforeParents()
    {
        var options = new UnixFsImportOptions { ChunkSize = SmallChunk, MaxLinks = SmallMaxLinks };
        var builder = new BalancedDagBuilder(options);
        var buffer = builder.CreateChunkBuffer();
        var emitted = new List<Cid>();
        var completed = new List<DagBlock>();
        var content = FixtureContent.Get(10 * SmallChunk).ToArray();
        foreach (var chunk in content.Chunk(SmallChunk))
        {
            chunk.CopyTo(buffer, BalancedDagBuilder.ChunkOffset);
            emitted.Add(builder.AddChunk(buffer, chunk.Length, completed).Cid);
            emitted.AddRange(completed.Select(b => b.Cid));
            completed.Clear();
        }

        var root = builder.Complete(completed);
        emitted.AddRange(completed.Select(b => b.Cid));

        // 10 leaves, 4 nodes over them (3+3+3+1), 2 above those (3+1), 1 root.
        Assert.Equal(10 + 4 + 2 + 1, emitted.Count);
        Assert.Equal(emitted.Count, emitted.Distinct().Count());
        Assert.Equal(root, emitted[^1]);
    }

    [Fact]
    public void Constructor_RawLeavesWithCidV0_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BalancedDagBuilder(new UnixFsImportOptions { CidVersion = 0, RawLeaves = true }));
        Assert.Contains("Raw leaves need CID version 1", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BalancedDagBuilder(new UnixFsImportOptions { CidVersion = 2 }));
    }
}
