using System.Net;
using System.Security.Cryptography;
using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Rpc;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Tests.Rpc;

/// <summary>The client against scripted answers in Kubo's and js-ipfs's formats (the real node is tested elsewhere).</summary>
public sealed class KuboRpcClientAnswerTests : IDisposable
{
    private const int Chunk = UnixFsImportOptions.DefaultChunkSize;
    private readonly ScriptedKuboNode _node = new();

    public void Dispose() => _node.Dispose();

    [Theory]
    [InlineData("\"{0}\"")] // Kubo: Size is a string
    [InlineData("{0}")] // js-ipfs: Size is a number
    public async Task AddAsync_ReadsProgressLinesAndTheResultInEitherFormat(string sizeFormat)
    {
        var content = RandomNumberGenerator.GetBytes((2 * Chunk) + 5);
        var cid = CidCalculator.Compute(content);
        var size = string.Format(System.Globalization.CultureInfo.InvariantCulture, sizeFormat, content.Length + 100);
        _node.Script = (path, _) => ScriptedKuboNode.Json(
            $"{{\"Name\":\"record\",\"Bytes\":{Chunk}}}\n{{\"Name\":\"record\",\"Bytes\":{content.Length}}}\n{{\"Name\":\"record\",\"Hash\":\"{cid}\",\"Size\":{size}}}\n");
        var reported = new List<long>();

        var added = await _node.CreateClient().AddAsync(new MemoryStream(content), progress: new Progress(reported));

        Assert.Equal(cid, added);
        Assert.Equal([Chunk, content.Length], reported);
    }

    [Fact]
    public async Task AddAsync_NodeNamesAnotherCid_IsAnIntegrityError()
    {
        var other = CidCalculator.Compute("something else"u8);
        _node.Script = (_, _) => ScriptedKuboNode.Json($"{{\"Name\":\"record\",\"Hash\":\"{other}\",\"Size\":\"9\"}}");

        var error = await Assert.ThrowsAsync<RecordIntegrityException>(() => _node.CreateClient().AddAsync(new MemoryStream("record"u8.ToArray())));

        Assert.Contains(other.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains(CidCalculator.Compute("record"u8).ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAsync_ErrorLineInTheStream_IsANodeError()
    {
        _node.Script = (_, _) => ScriptedKuboNode.Json("{\"Name\":\"record\",\"Bytes\":4}\n{\"Message\":\"disk full\",\"Code\":0,\"Type\":\"error\"}\n");

        var error = await Assert.ThrowsAsync<IpfsNodeException>(() => _node.CreateClient().AddAsync(new MemoryStream("data"u8.ToArray())));

        Assert.Equal("disk full", error.NodeMessage);
    }

    [Fact]
    public async Task AddAsync_IsNeverRetried()
    {
        _node.Script = (_, _) => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        await Assert.ThrowsAsync<IpfsNodeException>(() => _node.CreateClient(o => o.MaxRetries = 3).AddAsync(new MemoryStream("data"u8.ToArray())));

        Assert.Equal(1, _node.Calls("add"));
    }

    [Fact]
    public async Task IdempotentCalls_AreRetriedAfterA503()
    {
        var attempts = 0;
        _node.Script = (path, _) => ++attempts == 1
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : ScriptedKuboNode.Json("""{"Version":"0.30.0","Commit":"abc","Repo":"16","System":"amd64/linux","Golang":"go1.22"}""");

        var version = await _node.CreateClient(o => o.MaxRetries = 2).VersionAsync();

        Assert.Equal("0.30.0", version.Version);
        Assert.Equal(2, _node.Calls("version"));
    }

    [Fact]
    public async Task NodeError_BecomesATypedErrorNamingTheCid()
    {
        var cid = CidCalculator.Compute("x"u8);
        _node.Script = (_, _) => ScriptedKuboNode.Json("""{"Message":"merkledag: not found","Code":0,"Type":"error"}""", HttpStatusCode.InternalServerError);

        var error = await Assert.ThrowsAsync<IpfsNodeException>(() => _node.CreateClient().CatAsync(cid));

        Assert.Equal("merkledag: not found", error.NodeMessage);
        Assert.Equal(0, error.NodeCode);
        Assert.Equal(500, error.HttpStatus);
        Assert.Equal(cid.ToString(), error.Cid);
        Assert.Contains(cid.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _node.Calls("block/get"));
    }

    [Theory]
    [InlineData("context deadline exceeded")] // Kubo
    [InlineData("Failed to get block: request timed out")] // js-ipfs
    public async Task NodeTimeout_BecomesATimeoutErrorNamingTheCid(string message)
    {
        var cid = CidCalculator.Compute("x"u8);
        _node.Script = (_, _) => ScriptedKuboNode.Json($"{{\"Message\":\"{message}\",\"Code\":0,\"Type\":\"error\"}}", HttpStatusCode.InternalServerError);

        var error = await Assert.ThrowsAsync<IpfsNodeTimeoutException>(() => _node.CreateClient().CatAsync(cid));

        Assert.Equal(cid.ToString(), error.Cid);
    }

    [Theory]
    [InlineData("{{\"Keys\":{{\"{0}\":{{\"Type\":\"recursive\"}}}}}}")] // Kubo and js-ipfs, whole answer
    [InlineData("{{\"Cid\":\"{0}\",\"Type\":\"recursive\"}}\n")] // streamed, one object per line
    public async Task IsPinnedAsync_ReadsEitherPinListFormat(string format)
    {
        var cid = CidCalculator.Compute("pinned"u8);
        _node.Script = (_, _) => ScriptedKuboNode.Json(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, cid));

        Assert.True(await _node.CreateClient().IsPinnedAsync(cid));
    }

    [Fact]
    public async Task IsPinnedAsync_NotPinnedError_IsFalse()
    {
        var cid = CidCalculator.Compute("x"u8);
        _node.Script = (_, _) => ScriptedKuboNode.Json($"{{\"Message\":\"path '{cid}' is not pinned\",\"Code\":0,\"Type\":\"error\"}}", HttpStatusCode.InternalServerError);

        Assert.False(await _node.CreateClient().IsPinnedAsync(cid));
    }

    [Fact]
    public async Task CatAsync_ServesVerifiedBytes_AndFetchesOnlyTheRootByBlock()
    {
        _node.Serve(RandomNumberGenerator.GetBytes((3 * Chunk) + 7));

        await using var read = await _node.CreateClient().CatAsync(_node.Root!);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(_node.Content, copy.ToArray());
        Assert.Equal(1, _node.Calls("block/get"));
        Assert.Equal(1, _node.Calls("cat"));
    }

    [Fact]
    public async Task CatAsync_TamperedLeaf_FailsNamingItBeforeHandingOutItsBytes()
    {
        _node.Serve(RandomNumberGenerator.GetBytes((3 * Chunk) + 7));
        _node.TamperCat = bytes => bytes[Chunk + 3] ^= 0x01;

        await using var read = await _node.CreateClient().CatAsync(_node.Root!);
        var first = new byte[Chunk];
        await read.ReadExactlyAsync(first);
        var error = await Assert.ThrowsAsync<RecordIntegrityException>(() => read.ReadAsync(new byte[16]).AsTask());

        Assert.Equal(_node.Content.AsSpan(0, Chunk).ToArray(), first);
        Assert.Equal(_node.Leaves[1].ToString(), error.Cid);
    }

    [Fact]
    public async Task IdAsync_ReadsThePeer()
    {
        _node.Script = (_, _) => ScriptedKuboNode.Json("""{"ID":"12D3KooWabc","PublicKey":"x","Addresses":["/ip4/127.0.0.1/tcp/4001"],"AgentVersion":"kubo/0.30.0/","ProtocolVersion":"ipfs/0.1.0"}""");

        var id = await _node.CreateClient().IdAsync();

        Assert.Equal("12D3KooWabc", id.PeerId);
        Assert.Equal("kubo/0.30.0/", id.AgentVersion);
        Assert.Equal(["/ip4/127.0.0.1/tcp/4001"], id.Addresses);
    }

    private sealed class Progress(List<long> reported) : IProgress<long>
    {
        public void Report(long value) => reported.Add(value);
    }
}
