using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Rpc;

namespace MedBlocks.Ipfs.Store;

/// <summary>
/// Records on an IPFS node through its RPC API: added pinned, with the same CIDs as the embedded
/// store, and read back verified block by block.
/// </summary>
public sealed class IpfsRecordStore : IRecordStore
{
    private readonly KuboRpcClient _client;

    public IpfsRecordStore(KuboRpcClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    public KuboRpcClient Client => _client;

    public async Task<string> AddAsync(Stream content, CancellationToken cancellationToken = default) =>
        (await _client.AddAsync(content, cancellationToken: cancellationToken)).ToString();

    /// <exception cref="IpfsNodeTimeoutException">The node did not deliver the record within the read timeout (it may not hold it).</exception>
    public Task<Stream> OpenReadAsync(string cid, CancellationToken cancellationToken = default) =>
        _client.CatAsync(RecordAddress.Parse(cid), cancellationToken);

    /// <summary>True when the node holds the record pinned recursively (so all its blocks).</summary>
    public Task<bool> ContainsAsync(string cid, CancellationToken cancellationToken = default) =>
        _client.IsPinnedAsync(RecordAddress.Parse(cid), cancellationToken);
}
