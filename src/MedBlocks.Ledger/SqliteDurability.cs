namespace MedBlocks.Ledger;

/// <summary>When an append's commit reaches the disk.</summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=FULL</c>: every commit is fsynced before the append returns; survives power loss.
    /// Single-writer throughput is bounded by the disk's fsync latency.
    /// </summary>
    Full,

    /// <summary>
    /// <c>synchronous=NORMAL</c> (WAL): survives a process crash, never corrupts, but a power loss can drop the
    /// last commits before the next WAL checkpoint. For stations on a UPS or disks with slow fsync.
    /// </summary>
    Normal,
}
