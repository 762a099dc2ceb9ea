namespace MedBlocks.Kiosk.Records;

/// <summary>Where the station reads and writes encrypted records.</summary>
public enum RecordStoreKind
{
    /// <summary>Blocks on the station's disk, addressed as <c>ipfs add</c> would.</summary>
    Embedded,

    /// <summary>An IPFS node's RPC API (section <c>Ipfs</c>).</summary>
    Ipfs,
}
