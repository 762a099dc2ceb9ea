using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Tests.Fixtures;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Tests.UnixFs;

public sealed class CidCalculatorTests
{
    private const int Chunk = FixtureContent.Chunk;

    public static TheoryData<int> IpfsCidToolSizes() =>
        [0, 1, Chunk - 1, Chunk, Chunk + 1, 3 * Chunk, 174 * Chunk, 175 * Chunk, (174 * 2 + 1) * Chunk];

    public static TheoryData<int> NodeFixtureSizes() => IpfsNodeFixtureTable.Sizes();

    [Theory]
    [MemberData(nameof(IpfsCidToolSizes))]
    public async Task ComputeFileAsync_CidV0_MatchesDebianIpfsCidTool(int size)
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "content.bin");
        await File.WriteAllBytesAsync(file, FixtureContent.Get(size));

        var expected = IpfsCidTool.Run(file);
        var cid = await CidCalculator.ComputeFileAsync(file, UnixFsImportOptions.CidV0);

        Assert.Equal(expected.CidV0, cid.ToString());
        // ipfs_cid's CIDv1 is its v0 root re-addressed as CIDv1 (same dag-pb block).
        Assert.Equal(expected.CidV1, cid.ToV1().ToString());
    }

    [Theory]
    [MemberData(nameof(NodeFixtureSizes))]
    public async Task ComputeAsync_CidV1RawLeaves_MatchesIpfsNode(int size)
    {
        using var content = FixtureContent.OpenStream(size);

        var cid = await CidCalculator.ComputeAsync(content, UnixFsImportOptions.CidV1);

        Assert.Equal(IpfsNodeFixtureTable.For(size).CidV1RawLeaves, cid.ToString());
    }

    [Theory]
    [MemberData(nameof(NodeFixtureSizes))]
    public void Compute_InMemoryEveryMode_MatchesIpfsNode(int size)
    {
        var row = IpfsNodeFixtureTable.For(size);

        Assert.Equal(row.CidV1RawLeaves, CidCalculator.Compute(FixtureContent.Get(size).Span).ToString());
        Assert.Equal(row.CidV0, CidCalculator.Compute(FixtureContent.Get(size).Span, UnixFsImportOptions.CidV0).ToString());
        Assert.Equal(row.CidV1DagPbLeaves, CidCalculator.Compute(FixtureContent.Get(size).Span, UnixFsImportOptions.CidV1DagPbLeaves).ToString());
    }

    [Theory]
    [MemberData(nameof(NodeFixtureSizes))]
    public void Compute_StreamCidV0AndCidV1DagPbLeaves_MatchIpfsNode(int size)
    {
        var row = IpfsNodeFixtureTable.For(size);

        using var forV0 = FixtureContent.OpenStream(size);
        using var forV1 = FixtureContent.OpenStream(size);

        Assert.Equal(row.CidV0, CidCalculator.Compute(forV0, UnixFsImportOptions.CidV0).ToString());
        Assert.Equal(row.CidV1DagPbLeaves, CidCalculator.Compute(forV1, UnixFsImportOptions.CidV1DagPbLeaves).ToString());
    }

    [Fact]
    public void Compute_DefaultOptions_AreCidV1RawLeaves()
    {
        Assert.Equal("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", CidCalculator.Compute(ReadOnlySpan<byte>.Empty).ToString());
        Assert.Equal("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH", CidCalculator.Compute(ReadOnlySpan<byte>.Empty, UnixFsImportOptions.CidV0).ToString());
        Assert.Equal(CidCodec.Raw, CidCalculator.Compute("x"u8).Codec);
    }

    [Fact]
    public async Task ComputeAsync_StreamReturningShortReads_SameCidAsWholeBuffer()
    {
        const int size = (3 * Chunk) + 12345;
        using var trickle = new TrickleStream(FixtureContent.Get(size).ToArray(), maxRead: 1000);

        var cid = await CidCalculator.ComputeAsync(trickle, UnixFsImportOptions.CidV1);

        Assert.Equal(CidCalculator.Compute(FixtureContent.Get(size).Span), cid);
    }

    [Fact]
    public async Task ComputeFileAsync_MissingFile_ThrowsFileNotFound()
    {
        using var temp = new TempDirectory();

        await Assert.ThrowsAsync<FileNotFoundException>(() => CidCalculator.ComputeFileAsync(Path.Combine(temp.Path, "absent.bin")));
    }

    /// <summary>A stream that never returns more than a few bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] data, int maxRead) : MemoryStream(data, writable: false)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, maxRead)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, maxRead)], cancellationToken);
    }
}
