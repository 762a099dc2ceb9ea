using MedBlocks.Ipfs.Cids;

namespace MedBlocks.Ipfs.UnixFs;

/// <summary>A block and its address. <see cref="Data"/> may point into a reused buffer: store it before the next chunk.</summary>
internal readonly record struct DagBlock(Cid Cid, ReadOnlyMemory<byte> Data);
