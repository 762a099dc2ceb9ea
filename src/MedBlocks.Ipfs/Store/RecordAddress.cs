using MedBlocks.Ipfs.Cids;

namespace MedBlocks.Ipfs.Store;

/// <summary>The CID text a record store is given, parsed; bad text is the caller's error.</summary>
internal static class RecordAddress
{
    /// <exception cref="ArgumentException">The text is not a CID.</exception>
    public static Cid Parse(string cid)
    {
        ArgumentNullException.ThrowIfNull(cid);
        try
        {
            return Cid.Parse(cid);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException(ex.Message, nameof(cid), ex);
        }
    }
}
