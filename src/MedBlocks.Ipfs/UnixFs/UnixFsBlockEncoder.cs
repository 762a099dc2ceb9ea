using MedBlocks.Ipfs.Encoding;

namespace MedBlocks.Ipfs.UnixFs;

/// <summary>
/// Serialises UnixFS file nodes byte for byte as go-merkledag / go-unixfs do: PBNode Links (field 2)
/// before Data (field 1); PBLink Hash (1), Name (2, always present, empty), Tsize (3); UnixFS Data
/// Type (1), Data (2), filesize (3), blocksizes (4, repeated, not packed).
/// </summary>
internal static class UnixFsBlockEncoder
{
    /// <summary>Room a leaf needs in front of its data for the dag-pb and UnixFS headers.</summary>
    public const int LeafPrefixReserve = 16;

    /// <summary>Room a leaf needs after its data for the filesize field.</summary>
    public const int LeafSuffixReserve = 8;

    private const byte PbNodeData = (1 << 3) | 2;
    private const byte PbNodeLinks = (2 << 3) | 2;
    private const byte PbLinkHash = (1 << 3) | 2;
    private const byte PbLinkName = (2 << 3) | 2;
    private const byte PbLinkTsize = 3 << 3;
    private const byte UnixFsType = 1 << 3;
    private const byte UnixFsData = (2 << 3) | 2;
    private const byte UnixFsFileSize = 3 << 3;
    private const byte UnixFsBlockSize = 4 << 3;
    private const byte UnixFsTypeFile = 2;

    /// <summary>The empty file as a dag-pb node: UnixFS File with filesize 0 and no Data field.</summary>
    public static byte[] EmptyFileNode() => [PbNodeData, 4, UnixFsType, UnixFsTypeFile, UnixFsFileSize, 0];

    /// <summary>
    /// Wraps the chunk at <c>buffer[dataOffset..dataOffset+dataLength]</c> (dataLength &gt; 0) into a dag-pb
    /// leaf in place, writing the headers into the reserved room around it. Returns the block's range.
    /// </summary>
    public static (int Start, int Length) WrapLeafInPlace(byte[] buffer, int dataOffset, int dataLength)
    {
        Span<byte> header = stackalloc byte[LeafPrefixReserve];
        var (headerLength, trailerLength) = WriteLeafEnvelope(dataLength, header, buffer.AsSpan(dataOffset + dataLength));
        var start = dataOffset - headerLength;
        header[..headerLength].CopyTo(buffer.AsSpan(start));
        return (start, headerLength + dataLength + trailerLength);
    }

    /// <summary>
    /// Writes what goes before (into <paramref name="header"/>, at least <see cref="LeafPrefixReserve"/> bytes) and after
    /// (into <paramref name="trailer"/>, at least <see cref="LeafSuffixReserve"/> bytes) the data of a dag-pb leaf.
    /// </summary>
    public static (int HeaderLength, int TrailerLength) WriteLeafEnvelope(int dataLength, Span<byte> header, Span<byte> trailer)
    {
        var n = (ulong)dataLength;
        var nLength = Varint.Length(n);
        var unixFsLength = (ulong)(2 + 1 + nLength + dataLength + 1 + nLength);

        var h = 0;
        header[h++] = PbNodeData;
        h += Varint.Write(header[h..], unixFsLength);
        header[h++] = UnixFsType;
        header[h++] = UnixFsTypeFile;
        header[h++] = UnixFsData;
        h += Varint.Write(header[h..], n);

        trailer[0] = UnixFsFileSize;
        var t = 1 + Varint.Write(trailer[1..], n);
        return (h, t);
    }

    /// <summary>An internal file node over <paramref name="links"/> (no data of its own).</summary>
    public static byte[] InternalNode(IReadOnlyList<DagLink> links)
    {
        ulong fileSize = 0;
        var unixFsLength = 2 + 1;
        var linksLength = 0;
        foreach (var link in links)
        {
            fileSize += link.FileSize;
            unixFsLength += 1 + Varint.Length(link.FileSize);
            var linkLength = LinkLength(link);
            linksLength += 1 + Varint.Length((ulong)linkLength) + linkLength;
        }

        unixFsLength += Varint.Length(fileSize);
        var total = linksLength + 1 + Varint.Length((ulong)unixFsLength) + unixFsLength;
        var node = new byte[total];
        var span = node.AsSpan();
        var i = 0;
        foreach (var link in links)
        {
            span[i++] = PbNodeLinks;
            i += Varint.Write(span[i..], (ulong)LinkLength(link));
            span[i++] = PbLinkHash;
            i += Varint.Write(span[i..], (ulong)link.Cid.ByteLength);
            link.Cid.Bytes.CopyTo(span[i..]);
            i += link.Cid.ByteLength;
            span[i++] = PbLinkName;
            span[i++] = 0;
            span[i++] = PbLinkTsize;
            i += Varint.Write(span[i..], link.TotalSize);
        }

        span[i++] = PbNodeData;
        i += Varint.Write(span[i..], (ulong)unixFsLength);
        span[i++] = UnixFsType;
        span[i++] = UnixFsTypeFile;
        span[i++] = UnixFsFileSize;
        i += Varint.Write(span[i..], fileSize);
        foreach (var link in links)
        {
            span[i++] = UnixFsBlockSize;
            i += Varint.Write(span[i..], link.FileSize);
        }

        return i == total ? node : throw new InvalidOperationException("Internal node length was miscounted.");
    }

    private static int LinkLength(DagLink link) =>
        1 + Varint.Length((ulong)link.Cid.ByteLength) + link.Cid.ByteLength + 2 + 1 + Varint.Length(link.TotalSize);
}
