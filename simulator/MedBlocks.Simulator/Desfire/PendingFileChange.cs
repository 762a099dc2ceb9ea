namespace MedBlocks.Simulator.Desfire;

/// <summary>Uncommitted changes to one backup or record file within the open transaction.</summary>
internal sealed class PendingFileChange
{
    /// <summary>The shadow copy of a backup data file.</summary>
    public byte[]? Shadow { get; set; }

    /// <summary>The record being written (one per file and transaction).</summary>
    public byte[]? NewRecord { get; set; }

    /// <summary>ClearRecordFile was issued in this transaction.</summary>
    public bool Cleared { get; set; }
}
