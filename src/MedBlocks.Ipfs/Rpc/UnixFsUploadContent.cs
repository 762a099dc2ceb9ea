using System.Net;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.UnixFs;

namespace MedBlocks.Ipfs.Rpc;

/// <summary>
/// The body of one file part of an <c>add</c> call: copies the source to the network one chunk at a
/// time (constant memory, any size) and meanwhile builds the same DAG the node should build, so the
/// CID the node answers can be checked against <see cref="ExpectedCid"/>.
/// </summary>
internal sealed class UnixFsUploadContent : HttpContent
{
    private readonly Stream _source;
    private readonly UnixFsImportOptions _options;
    private bool _sent;

    public UnixFsUploadContent(Stream source, UnixFsImportOptions options)
    {
        _source = source;
        _options = options;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
    }

    /// <summary>The root CID of the bytes sent; set once the body has been written.</summary>
    public Cid? ExpectedCid { get; private set; }

    public long BytesSent { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_sent)
        {
            // The source is read once; a retry of an add would send a truncated file.
            throw new InvalidOperationException("An upload body cannot be sent twice.");
        }

        _sent = true;
        var builder = new BalancedDagBuilder(_options);
        var completed = new List<DagBlock>();
        var buffer = new byte[builder.ChunkSize];
        while (true)
        {
            var read = await _source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (read == 0)
            {
                break;
            }

            builder.AddChunkForCid(buffer.AsSpan(0, read), completed);
            completed.Clear();
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            BytesSent += read;
            if (read < buffer.Length)
            {
                break;
            }
        }

        ExpectedCid = builder.Complete(completed);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
