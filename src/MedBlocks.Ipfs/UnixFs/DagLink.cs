using MedBlocks.Ipfs.Cids;

namespace MedBlocks.Ipfs.UnixFs;

/// <summary>A child of a file node: its address, the serialised size of its subtree (Tsize) and the file bytes under it.</summary>
internal readonly record struct DagLink(Cid Cid, ulong TotalSize, ulong FileSize);
