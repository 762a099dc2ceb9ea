using System.Security.Cryptography;
using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Rpc;
using MedBlocks.Ipfs.Tests.Fixtures;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Tests.Rpc;

/// <summary>
/// Failures against a real node, each on a node of its own: js-ipfs 0.66 may exit after a search for a
/// missing block is abandoned, and a node stopped mid-way cannot serve other tests.
/// </summary>
public sealed class KuboRpcClientFailureTests
{
    private const int Chunk = FixtureContent.Chunk;
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task CatAsync_MissingLeafOfAKnownRoot_TimesOutNamingTheLeaf()
    {
        await using var node = await IpfsTestNode.StartAsync();
        var client = node.CreateClient(o => o.ReadTimeout = TimeSpan.FromSeconds(2));
        // The root is on the node, one leaf is not: block/put only the root block.
        var content = FixtureContent.Get((2 * Chunk) + 1);
        var blocks = new List<(Cid Cid, byte[] Data)>();
        await UnixFsImporter.ImportAsync(
            new MemoryStream(content.ToArray()),
            UnixFsImportOptions.CidV1,
            (block, _) =>
            {
                blocks.Add((block.Cid, block.Data.ToArray()));
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);
        var root = blocks[^1];
        await PutBlockAsync(node, root.Data, "dag-pb");

        await using var read = await client.CatAsync(root.Cid).WaitAsync(NoHang);
        var error = await Assert.ThrowsAsync<IpfsNodeTimeoutException>(() => SHA256.HashDataAsync(read).AsTask().WaitAsync(NoHang));

        Assert.Contains(blocks[0].Cid.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeStoppedMidWay_ReadsAndAddsFailWithAClearError()
    {
        await using var node = await IpfsTestNode.StartAsync();
        var client = node.CreateClient(o =>
        {
            o.ReadTimeout = TimeSpan.FromSeconds(2);
            o.MaxRetries = 1;
        });
        var size = 40 * Chunk;
        var cid = await client.AddAsync(FixtureContent.OpenStream(size));
        await using var read = await client.CatAsync(cid);
        var head = new byte[Chunk];
        await read.ReadExactlyAsync(head);

        await node.StopAsync();

        var readError = await Assert.ThrowsAnyAsync<RecordStoreException>(() => SHA256.HashDataAsync(read).AsTask().WaitAsync(NoHang));
        Assert.True(readError is IpfsNodeUnavailableException or RecordIntegrityException, readError.ToString());
        var addError = await Assert.ThrowsAsync<IpfsNodeUnavailableException>(() => client.AddAsync(FixtureContent.OpenStream(10)).WaitAsync(NoHang));
        Assert.Contains(node.ApiUrl.ToString(), addError.Message, StringComparison.Ordinal);
        var catError = await Assert.ThrowsAsync<IpfsNodeUnavailableException>(() => client.CatAsync(cid).WaitAsync(NoHang));
        Assert.Contains(cid.ToString(), catError.Message, StringComparison.Ordinal);
    }

    private static async Task PutBlockAsync(IpfsTestNode node, byte[] block, string format)
    {
        using var http = new HttpClient();
        var part = new ByteArrayContent(block);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { part, "file", "block" } };
        using var response = await http.PostAsync(new Uri(node.ApiUrl, $"api/v0/block/put?format={format}&mhtype=sha2-256&cid-codec={format}"), form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
