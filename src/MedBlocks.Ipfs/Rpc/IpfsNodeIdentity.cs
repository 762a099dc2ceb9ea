namespace MedBlocks.Ipfs.Rpc;

/// <summary>The node's peer id and software, from <c>id</c>.</summary>
public sealed record IpfsNodeIdentity(string PeerId, string AgentVersion, IReadOnlyList<string> Addresses);

/// <summary>The node's software version, from <c>version</c>.</summary>
public sealed record IpfsNodeVersion(string Version, string Commit, string Repo);
