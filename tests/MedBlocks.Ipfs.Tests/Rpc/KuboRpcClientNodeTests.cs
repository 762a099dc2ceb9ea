using System.Security.Cryptography;
using MedBlocks.Ipfs.Rpc;
using MedBlocks.Ipfs.Store;
using MedBlocks.Ipfs.Tests.Fixtures;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Tests.Rpc;

/// <summary>The RPC client against a real js-ipfs node.</summary>
[Collection(IpfsNodeTests.Name)]
public sealed class KuboRpcClientNodeTests(IpfsNodeFixture fixture)
{
    private const int Chunk = FixtureContent.Chunk;
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(120);

    private readonly KuboRpcClient _client = fixture.Node.CreateClient(o => o.ReadTimeout = TimeSpan.FromSeconds(3));

    // Chunk boundaries (256 KiB) and link boundaries (174 leaves under one node) on both sides, up to 64 MiB.
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(Chunk - 1, 1)]
    [InlineData(Chunk, 1)]
    [InlineData(Chunk + 1, 1)]
    [InlineData(174 * Chunk, 1)]
    [InlineData(174 * Chunk + 1, 1)]
    [InlineData(64 * 1024 * 1024, 1)]
    [InlineData(0, 0)]
    [InlineData(Chunk, 0)]
    [InlineData(Chunk + 1, 0)]
    [InlineData(174 * Chunk + 1, 0)]
    public async Task AddThenCat_RoundTripsUnderTheEmbeddedStoresCid(int size, int cidVersion)
    {
        var import = cidVersion == 0 ? UnixFsImportOptions.CidV0 : UnixFsImportOptions.CidV1;
        var content = FixtureContent.Get(size);
        var expected = CidCalculator.Compute(content.Span, import);

        using var upload = FixtureContent.OpenStream(size);
        var added = await _client.AddAsync(upload, import).WaitAsync(NoHang);

        Assert.Equal(expected, added);
        Assert.True(await _client.IsPinnedAsync(added));
        await using var read = await _client.CatAsync(added).WaitAsync(NoHang);
        Assert.Equal(SHA256.HashData(content.Span), await SHA256.HashDataAsync(read).AsTask().WaitAsync(NoHang));
    }

    [Fact]
    public async Task CatAsync_SlowReader_IsNotCutOffByTheTimeoutOfTheCall()
    {
        // The attempt timeout (1 + 1 + 2 s) bounds getting an answer, not reading it: a reader may take longer.
        var client = fixture.Node.CreateClient(o =>
        {
            o.ReadTimeout = TimeSpan.FromSeconds(1);
            o.RequestTimeout = TimeSpan.FromSeconds(1);
        });
        var content = FixtureContent.Get(12 * Chunk);
        var cid = await client.AddAsync(new MemoryStream(content.ToArray()));

        await using var read = await client.CatAsync(cid);
        using var copy = new MemoryStream();
        var buffer = new byte[Chunk];
        int count;
        while ((count = await read.ReadAsync(buffer)) > 0)
        {
            copy.Write(buffer, 0, count);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        Assert.True(content.Span.SequenceEqual(copy.ToArray()));
    }

    [Fact]
    public async Task AddAsync_ReportsTheNodesProgress()
    {
        var reported = new List<long>();
        using var upload = FixtureContent.OpenStream((3 * Chunk) + 5);

        await _client.AddAsync(upload, progress: new SynchronousProgress(reported.Add));

        Assert.NotEmpty(reported);
        Assert.Equal((3 * Chunk) + 5, reported[^1]);
    }

    [Fact]
    public async Task CatAsync_MissingCid_TimesOutNamingTheCid()
    {
        var missing = CidCalculator.Compute(RandomNumberGenerator.GetBytes(100));

        var error = await Assert.ThrowsAsync<IpfsNodeTimeoutException>(() => _client.CatAsync(missing).WaitAsync(NoHang));

        Assert.Contains(missing.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(missing.ToString(), error.Cid);
    }

    [Fact]
    public async Task Pins_AddListRemove()
    {
        using var upload = new MemoryStream(RandomNumberGenerator.GetBytes(1000));
        var cid = await _client.AddAsync(upload);

        Assert.Contains(cid, await _client.ListPinsAsync());
        await _client.PinRemoveAsync(cid);
        Assert.False(await _client.IsPinnedAsync(cid));
        Assert.DoesNotContain(cid, await _client.ListPinsAsync());
        await _client.PinAddAsync(cid);
        Assert.True(await _client.IsPinnedAsync(cid));
    }

    [Fact]
    public async Task PinRemoveAsync_NotPinned_IsANodeErrorNamingTheCid()
    {
        var cid = CidCalculator.Compute(RandomNumberGenerator.GetBytes(10));

        var error = await Assert.ThrowsAsync<IpfsNodeException>(() => _client.PinRemoveAsync(cid));

        Assert.Contains(cid.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("not pinned", error.NodeMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task IdAndVersion_DescribeTheNode()
    {
        var id = await _client.IdAsync();
        var version = await _client.VersionAsync();

        Assert.StartsWith("12D3Koo", id.PeerId, StringComparison.Ordinal);
        Assert.StartsWith("js-ipfs/", id.AgentVersion, StringComparison.Ordinal);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Version);
    }

    [Fact]
    public async Task IpfsRecordStore_AddOpenContains()
    {
        var store = new IpfsRecordStore(_client);
        var content = FixtureContent.Get((5 * Chunk) + 3);

        var cid = await store.AddAsync(new MemoryStream(content.ToArray()));
        await using var read = await store.OpenReadAsync(cid);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(CidCalculator.Compute(content.Span).ToString(), cid);
        Assert.True(content.Span.SequenceEqual(copy.ToArray()));
        Assert.True(await store.ContainsAsync(cid));
        Assert.False(await store.ContainsAsync(CidCalculator.Compute(RandomNumberGenerator.GetBytes(10)).ToString()));
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
