namespace MedBlocks.Ipfs.Store;

/// <summary>Settings of the embedded block store (configuration section <see cref="SectionName"/>).</summary>
public sealed record EmbeddedRecordStoreOptions
{
    public const string SectionName = "RecordStore:Embedded";

    /// <summary>Directory holding the blocks; created when missing.</summary>
    public string RootPath { get; set; } = string.Empty;

    /// <summary>1 (default): <c>ipfs add --cid-version=1</c> (raw leaves, "bafy…"); 0: <c>ipfs add</c> ("Qm…").</summary>
    public int CidVersion { get; set; } = 1;

    /// <summary>fsync each block before it is renamed into place; switch off only for throwaway stores.</summary>
    public bool FlushToDisk { get; set; } = true;
}
