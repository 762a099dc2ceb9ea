using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Blocks;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Store;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Rpc;

/// <summary>
/// A file read from an IPFS node and verified block by block. Node blocks (dag-pb) come from
/// <c>block/get</c>; raw leaves, the bulk of the bytes, are read from a single <c>cat</c> stream
/// (one request instead of one per 256 KiB) exactly as many bytes as the parent declares, and each
/// is hashed against its CID before any of it is handed out. Every read waits at most the read timeout.
/// </summary>
internal sealed class NodeDagReadStream : DagFileStream
{
    private readonly KuboRpcClient _client;
    private readonly BlockBuffer _buffer;
    private HttpResponseMessage? _catResponse;
    private Stream? _cat;
    private long _catPosition;
    private long _fileOffset;

    public NodeDagReadStream(KuboRpcClient client, UnixFsFileReader reader, BlockBuffer buffer, ReadOnlyMemory<byte> firstData)
        : base(reader, firstData)
    {
        _client = client;
        _buffer = buffer;
        _fileOffset = firstData.Length;
    }

    protected override ReadOnlyMemory<byte> ReadBlock(Cid next) => ReadBlockAsync(next, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask<ReadOnlyMemory<byte>> ReadBlockAsync(Cid next, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> data;
        if (next.Codec == CidCodec.Raw && Reader.ExpectedSize is { } size && size <= FileBlockStore.MaxBlockSize)
        {
            await ReadLeafFromCatAsync(next, (int)size, cancellationToken);
            data = Reader.Accept(_buffer.Array.AsMemory(0, (int)size));
        }
        else
        {
            var length = await _client.GetBlockAsync(next, _buffer, cancellationToken);
            data = Reader.Accept(_buffer.Array.AsMemory(0, length));
        }

        _fileOffset += data.Length;
        return data;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cat?.Dispose();
            _catResponse?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the next <paramref name="size"/> file bytes from <c>cat</c> into the block buffer.</summary>
    private async Task ReadLeafFromCatAsync(Cid leaf, int size, CancellationToken cancellationToken)
    {
        // The node gives up after the read timeout and says so; wait a little longer so its answer
        // arrives first (js-ipfs also crashes when a client drops a request it is still searching for).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_client.ClientReadLimit);
        var subject = $"{leaf} (of record {Reader.Root})";
        try
        {
            if (_cat is null)
            {
                // Opened at the first raw leaf, from the file offset reached so far.
                _catResponse = await _client.OpenCatAsync(Reader.Root, _fileOffset, cancellationToken);
                _cat = await _catResponse.Content.ReadAsStreamAsync(cancellationToken);
                _catPosition = _fileOffset;
            }

            // File bytes held by node blocks fetched since are in the cat stream too: skip them.
            _buffer.EnsureCapacity(size);
            while (_catPosition < _fileOffset)
            {
                var skip = (int)Math.Min(_fileOffset - _catPosition, _buffer.Array.Length);
                await ReadExactlyAsync(leaf, _buffer.Array.AsMemory(0, skip), timeout.Token);
                _catPosition += skip;
            }

            await ReadExactlyAsync(leaf, _buffer.Array.AsMemory(0, size), timeout.Token);
            _catPosition += size;
        }
        catch (IpfsNodeTimeoutException ex)
        {
            throw new IpfsNodeTimeoutException("deliver block", subject, _client.Options.ReadTimeout, ex);
        }
        catch (Exception ex) when (_client.Translate(ex, "deliver block", subject, _client.Options.ReadTimeout, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private async Task ReadExactlyAsync(Cid leaf, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var read = await _cat!.ReadAtLeastAsync(destination, destination.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < destination.Length)
        {
            throw new RecordIntegrityException(leaf.ToString(), $"the node's stream of record {Reader.Root} ended {destination.Length - read} bytes early.");
        }
    }
}
