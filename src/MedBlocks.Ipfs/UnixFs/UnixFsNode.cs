using System.Diagnostics.CodeAnalysis;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Encoding;

namespace MedBlocks.Ipfs.UnixFs;

/// <summary>A decoded dag-pb block carrying UnixFS file metadata: child links, own data and sizes.</summary>
internal sealed class UnixFsNode
{
    public const int TypeRaw = 0;
    public const int TypeFile = 2;

    private UnixFsNode(Cid[] links, ulong[] blockSizes, int type, int dataStart, int dataLength, ulong? fileSize)
    {
        Links = links;
        BlockSizes = blockSizes;
        Type = type;
        DataStart = dataStart;
        DataLength = dataLength;
        FileSize = fileSize;
    }

    public Cid[] Links { get; }

    public ulong[] BlockSizes { get; }

    public int Type { get; }

    /// <summary>Where the node's own file bytes sit in the block it was decoded from.</summary>
    public int DataStart { get; }

    public int DataLength { get; }

    public ulong? FileSize { get; }

    /// <summary>Decodes a dag-pb block and the UnixFS Data inside it.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> block, [NotNullWhen(true)] out UnixFsNode? node, [NotNullWhen(false)] out string? error)
    {
        node = null;
        var links = new List<Cid>();
        var unixFsStart = -1;
        var unixFsLength = 0;
        var reader = new ProtobufReader(block);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadField(out var field, out var wire, out _, out var start, out var length))
            {
                error = "the dag-pb node is not valid protobuf";
                return false;
            }

            if (field == 2 && wire == ProtobufReader.WireLengthDelimited)
            {
                if (!TryReadLinkHash(block.Slice(start, length), out var cid, out error))
                {
                    return false;
                }

                links.Add(cid);
            }
            else if (field == 1 && wire == ProtobufReader.WireLengthDelimited)
            {
                unixFsStart = start;
                unixFsLength = length;
            }
            else
            {
                error = $"the dag-pb node has an unexpected field {field}";
                return false;
            }
        }

        if (unixFsStart < 0)
        {
            error = "the dag-pb node carries no UnixFS data";
            return false;
        }

        return TryDecodeUnixFs(block, unixFsStart, unixFsLength, [.. links], out node, out error);
    }

    private static bool TryReadLinkHash(ReadOnlySpan<byte> link, [NotNullWhen(true)] out Cid? cid, [NotNullWhen(false)] out string? error)
    {
        cid = null;
        var reader = new ProtobufReader(link);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadField(out var field, out var wire, out _, out var start, out var length))
            {
                error = "a dag-pb link is not valid protobuf";
                return false;
            }

            if (field == 1 && wire == ProtobufReader.WireLengthDelimited)
            {
                if (!Cid.TryReadBinary(link.Slice(start, length), out cid, out var cidError))
                {
                    error = $"a dag-pb link holds a bad CID: {cidError}";
                    return false;
                }
            }
        }

        error = cid is null ? "a dag-pb link has no hash" : null;
        return cid is not null;
    }

    private static bool TryDecodeUnixFs(
        ReadOnlySpan<byte> block,
        int unixFsStart,
        int unixFsLength,
        Cid[] links,
        [NotNullWhen(true)] out UnixFsNode? node,
        [NotNullWhen(false)] out string? error)
    {
        node = null;
        int? type = null;
        var dataStart = unixFsStart;
        var dataLength = 0;
        ulong? fileSize = null;
        var blockSizes = new List<ulong>(links.Length);
        var reader = new ProtobufReader(block.Slice(unixFsStart, unixFsLength));
        while (!reader.AtEnd)
        {
            if (!reader.TryReadField(out var field, out var wire, out var value, out var start, out var length))
            {
                error = "the UnixFS data is not valid protobuf";
                return false;
            }

            switch (field, wire)
            {
                case (1, ProtobufReader.WireVarint):
                    type = value <= int.MaxValue ? (int)value : -1;
                    break;
                case (2, ProtobufReader.WireLengthDelimited):
                    dataStart = unixFsStart + start;
                    dataLength = length;
                    break;
                case (3, ProtobufReader.WireVarint):
                    fileSize = value;
                    break;
                case (4, ProtobufReader.WireVarint):
                    blockSizes.Add(value);
                    break;
                case (4, ProtobufReader.WireLengthDelimited):
                    error = "packed blocksizes are not UnixFS";
                    return false;
                default:
                    // Other UnixFS fields (hashType, fanout, mode, mtime) do not affect file bytes.
                    break;
            }
        }

        if (type is not (TypeFile or TypeRaw))
        {
            error = type is null ? "the UnixFS data has no type" : $"UnixFS type {type} is not a file";
            return false;
        }

        if (blockSizes.Count != links.Length)
        {
            error = $"the node has {links.Length} links but {blockSizes.Count} blocksizes";
            return false;
        }

        var total = (ulong)dataLength;
        foreach (var size in blockSizes)
        {
            total += size;
            if (total < size)
            {
                error = "the blocksizes overflow";
                return false;
            }
        }

        if (fileSize is { } declared && declared != total)
        {
            error = $"filesize {declared} does not match the {total} bytes the node holds";
            return false;
        }

        node = new UnixFsNode(links, [.. blockSizes], type.Value, dataStart, dataLength, total);
        error = null;
        return true;
    }
}
