namespace MedBlocks.Ipfs.Rpc;

/// <summary>How to reach an IPFS node's HTTP RPC API (Kubo, or js-ipfs) (configuration section <see cref="SectionName"/>).</summary>
public sealed record IpfsNodeOptions
{
    public const string SectionName = "RecordStore:Ipfs";

    /// <summary>The RPC API's base address, without <c>/api/v0</c>.</summary>
    public Uri ApiUrl { get; set; } = new("http://127.0.0.1:5001");

    /// <summary>Limit for one attempt of a short call (id, version, pin, block get).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest wait for the node to deliver the next part of a record; also sent to the node as
    /// <c>timeout=</c>, since a node searching for a block it lacks otherwise never answers.
    /// </summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for one whole upload (add is never retried).</summary>
    public TimeSpan AddTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Retries of an idempotent call (cat, block get, pin, id, version) after a connection failure or a 502/503/504.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>1 (default): <c>add --cid-version=1</c> (raw leaves); 0: <c>add</c> with CIDv0, as the embedded store.</summary>
    public int CidVersion { get; set; } = 1;
}
