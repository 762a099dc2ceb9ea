namespace MedBlocks.Ipfs.Cids;

/// <summary>The multicodecs a UnixFS file DAG uses.</summary>
public enum CidCodec
{
    /// <summary>Bare bytes (a raw leaf).</summary>
    Raw = 0x55,

    /// <summary>A protobuf DAG node (UnixFS).</summary>
    DagPb = 0x70,
}
