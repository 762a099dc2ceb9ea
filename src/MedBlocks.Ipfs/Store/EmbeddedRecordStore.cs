using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Blocks;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.UnixFs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MedBlocks.Ipfs.Store;

/// <summary>
/// A record store on the local disk that addresses records exactly as <c>ipfs add</c> would, so
/// the same records can later be served by or moved to any IPFS node.
/// </summary>
public sealed partial class EmbeddedRecordStore : IRecordStore
{
    private readonly FileBlockStore _blocks;
    private readonly UnixFsImportOptions _import;
    private readonly ILogger<EmbeddedRecordStore> _logger;

    public EmbeddedRecordStore(IOptions<EmbeddedRecordStoreOptions> options, ILogger<EmbeddedRecordStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var settings = options.Value;
        var validation = new EmbeddedRecordStoreOptionsValidator().Validate(Options.DefaultName, settings);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EmbeddedRecordStoreOptions), validation.Failures);
        }

        _blocks = new FileBlockStore(settings.RootPath, settings.FlushToDisk);
        _import = settings.CidVersion == 0 ? UnixFsImportOptions.CidV0 : UnixFsImportOptions.CidV1;
        _logger = logger;
    }

    public EmbeddedRecordStore(EmbeddedRecordStoreOptions options)
        : this(Options.Create(options), NullLogger<EmbeddedRecordStore>.Instance)
    {
    }

    public FileBlockStore Blocks => _blocks;

    public async Task<string> AddAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blockCount = 0;
        var root = await UnixFsImporter.ImportAsync(
            content,
            _import,
            async (block, ct) =>
            {
                blockCount++;
                await _blocks.PutAsync(block.Cid, block.Data, ct);
            },
            cancellationToken);
        var text = root.ToString();
        LogStored(text, blockCount);
        return text;
    }

    /// <summary>Stores the bytes with the given import options (as <c>ipfs add</c> with them) and returns the root CID.</summary>
    public async Task<Cid> ImportAsync(Stream content, UnixFsImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        return await UnixFsImporter.ImportAsync(
            content,
            options,
            async (block, ct) => await _blocks.PutAsync(block.Cid, block.Data, ct),
            cancellationToken);
    }

    public async Task<Stream> OpenReadAsync(string cid, CancellationToken cancellationToken = default)
    {
        var root = RecordAddress.Parse(cid);
        var reader = new UnixFsFileReader(root);
        var buffer = new BlockBuffer();
        var length = await _blocks.ReadAsync(root, buffer, cancellationToken);
        if (length < 0)
        {
            throw new RecordNotFoundException(cid);
        }

        var first = reader.Accept(buffer.Array.AsMemory(0, length));
        return new DagReadStream(_blocks, reader, buffer, first);
    }

    /// <summary>Walks the DAG: true when every block is stored and every node block is intact.</summary>
    public async Task<bool> ContainsAsync(string cid, CancellationToken cancellationToken = default)
    {
        var root = RecordAddress.Parse(cid);
        var buffer = new BlockBuffer();
        var pending = new Stack<Cid>();
        pending.Push(root);
        while (pending.TryPop(out var next))
        {
            if (next.Codec == CidCodec.Raw)
            {
                if (!_blocks.Contains(next))
                {
                    return false;
                }

                continue;
            }

            var length = await _blocks.ReadAsync(next, buffer, cancellationToken);
            if (length < 0)
            {
                return false;
            }

            var block = buffer.Array.AsSpan(0, length);
            if (!Sha256Multihash.Matches(next.Multihash, block) || !UnixFsNode.TryDecode(block, out var node, out _))
            {
                return false;
            }

            foreach (var link in node.Links)
            {
                pending.Push(link);
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stored record {Cid} in {BlockCount} blocks")]
    private partial void LogStored(string cid, int blockCount);
}
