using System.Globalization;
using System.Net;
using MedBlocks.Core.Records;
using MedBlocks.Ipfs.Blocks;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.UnixFs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace MedBlocks.Ipfs.Rpc;

/// <summary>
/// A thin client of the Kubo HTTP RPC API (<c>/api/v0</c>), which js-ipfs serves as well. Every call is
/// a POST. Idempotent calls go through <see cref="IdempotentClientName"/>, which retries connection
/// failures and 502/503/504; <c>add</c> and <c>pin/rm</c> go through <see cref="SingleShotClientName"/>,
/// which never retries (an upload stream cannot be replayed, and a repeated removal would report a
/// false error).
/// </summary>
public sealed partial class KuboRpcClient
{
    public const string IdempotentClientName = "MedBlocks.Ipfs.Rpc";
    public const string SingleShotClientName = "MedBlocks.Ipfs.Rpc.SingleShot";

    private const int MaxErrorBodyLength = 64 * 1024;

    private readonly IHttpClientFactory _factory;
    private readonly IpfsNodeOptions _options;
    private readonly ILogger<KuboRpcClient> _logger;
    private readonly Uri _apiBase;

    public KuboRpcClient(IHttpClientFactory factory, IOptions<IpfsNodeOptions> options, ILogger<KuboRpcClient> logger)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _factory = factory;
        _options = options.Value;
        _logger = logger;
        var url = _options.ApiUrl.ToString();
        _apiBase = new Uri(url.EndsWith('/') ? url : url + "/");
    }

    public IpfsNodeOptions Options => _options;

    /// <summary>The import options matching <see cref="IpfsNodeOptions.CidVersion"/> (and the embedded store's).</summary>
    public UnixFsImportOptions DefaultImport => _options.CidVersion == 0 ? UnixFsImportOptions.CidV0 : UnixFsImportOptions.CidV1;

    /// <summary>How long the client waits for a read the node was told to give up on after the read timeout.</summary>
    internal TimeSpan ClientReadLimit => _options.ReadTimeout + TimeSpan.FromSeconds(2);

    private string TimeoutArgument => ((int)Math.Ceiling(_options.ReadTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";

    /// <summary>
    /// Uploads and pins the stream's bytes, streaming in constant memory, and returns the node's CID after
    /// checking it equals the CID of the same bytes imported here with <paramref name="import"/>.
    /// </summary>
    /// <remarks><paramref name="progress"/> receives the byte counts the node reports as it imports.</remarks>
    public async Task<Cid> AddAsync(Stream content, UnixFsImportOptions? import = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        import ??= DefaultImport;
        import.Validate();
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"add?pin=true&cid-version={import.CidVersion}&raw-leaves={(import.UsesRawLeaves ? "true" : "false")}&chunker=size-{import.ChunkSize}&progress={(progress is null ? "false" : "true")}{(import.CidVersion == 1 ? "&cid-base=base32" : string.Empty)}");
        using var upload = new UnixFsUploadContent(content, import);
        using var form = new MultipartFormDataContent { { upload, "file", "record" } };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AddTimeout);
        Cid? answered = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(query)) { Content = form };
            using var response = await SendAsync(SingleShotClientName, request, "add", null, timeout.Token);
            var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var lines = new StreamReader(body);
            while (await lines.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                var parsed = KuboAnswers.ReadAddLine(System.Text.Encoding.UTF8.GetBytes(line));
                if (parsed.Error is { } error)
                {
                    throw new IpfsNodeException("add", null, error, null, (int)response.StatusCode);
                }

                if (parsed.Hash is { } hash)
                {
                    answered = hash;
                }
                else if (parsed.Bytes is { } bytes)
                {
                    progress?.Report(bytes);
                }
            }

            // Kubo reports a failure after the headers in the X-Stream-Error trailer.
            if (response.TrailingHeaders.TryGetValues("X-Stream-Error", out var streamErrors) && streamErrors.FirstOrDefault(e => e.Length > 0) is { } streamError)
            {
                throw new IpfsNodeException("add", null, streamError, null, (int)response.StatusCode);
            }
        }
        catch (Exception ex) when (Translate(ex, "add", null, _options.AddTimeout, cancellationToken) is { } translated)
        {
            throw translated;
        }

        if (answered is null)
        {
            throw new IpfsNodeException("add", null, "the answer named no CID", null, (int)HttpStatusCode.OK);
        }

        if (upload.ExpectedCid is { } expected && expected != answered)
        {
            throw new RecordIntegrityException(answered.ToString(), $"the node built a different DAG from the one expected ({expected}); its chunker or layout differs.");
        }

        LogAdded(answered, upload.BytesSent);
        return answered;
    }

    /// <summary>
    /// Opens a stored file for reading. The root and every interior node are fetched with <c>block/get</c>;
    /// raw leaves come through one <c>cat</c> stream. Every block is hashed against its CID (and its size
    /// against its parent's) before any of its bytes are handed out.
    /// </summary>
    public async Task<Stream> CatAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cid);
        var reader = new UnixFsFileReader(cid);
        var buffer = new BlockBuffer();
        var length = await GetBlockAsync(cid, buffer, cancellationToken);
        var first = reader.Accept(buffer.Array.AsMemory(0, length));
        return new NodeDagReadStream(this, reader, buffer, first);
    }

    /// <summary>The raw bytes of one block (not verified here).</summary>
    public async Task<byte[]> GetBlockAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        var buffer = new BlockBuffer();
        var length = await GetBlockAsync(cid, buffer, cancellationToken);
        return buffer.Array.AsSpan(0, length).ToArray();
    }

    /// <summary>Pins the DAG under <paramref name="cid"/> recursively; the node fetches what it lacks, within the read timeout.</summary>
    public async Task PinAddAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cid);
        await CallAsync(IdempotentClientName, $"pin/add?arg={cid}&recursive=true&timeout={TimeoutArgument}", "pin", cid.ToString(), _options.ReadTimeout + _options.RequestTimeout, cancellationToken);
    }

    /// <summary>Whether <paramref name="cid"/> is pinned recursively (so every block of it is on the node).</summary>
    public async Task<bool> IsPinnedAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cid);
        try
        {
            var body = await CallAsync(IdempotentClientName, $"pin/ls?arg={cid}&type=recursive", "list the pin of", cid.ToString(), _options.RequestTimeout, cancellationToken);
            return KuboAnswers.ReadPins(body).Contains(cid);
        }
        catch (IpfsNodeException ex) when (ex.NodeMessage.Contains("not pinned", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
    }

    /// <summary>Every recursive pin on the node.</summary>
    public async Task<IReadOnlySet<Cid>> ListPinsAsync(CancellationToken cancellationToken = default)
    {
        var body = await CallAsync(IdempotentClientName, "pin/ls?type=recursive", "list pins", null, _options.RequestTimeout, cancellationToken);
        return KuboAnswers.ReadPins(body).ToHashSet();
    }

    public async Task PinRemoveAsync(Cid cid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cid);
        await CallAsync(SingleShotClientName, $"pin/rm?arg={cid}&recursive=true", "unpin", cid.ToString(), _options.RequestTimeout, cancellationToken);
    }

    public async Task<IpfsNodeIdentity> IdAsync(CancellationToken cancellationToken = default) =>
        KuboAnswers.ReadIdentity(await CallAsync(IdempotentClientName, "id", "identify itself", null, _options.RequestTimeout, cancellationToken));

    public async Task<IpfsNodeVersion> VersionAsync(CancellationToken cancellationToken = default) =>
        KuboAnswers.ReadVersion(await CallAsync(IdempotentClientName, "version", "report its version", null, _options.RequestTimeout, cancellationToken));

    /// <summary>Reads one block into <paramref name="buffer"/> and returns its length.</summary>
    internal async Task<int> GetBlockAsync(Cid cid, BlockBuffer buffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cid);
        var text = cid.ToString();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ClientReadLimit);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint($"block/get?arg={text}&timeout={TimeoutArgument}"));
            using var response = await SendAsync(IdempotentClientName, request, "deliver block", text, timeout.Token);
            var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var length = 0;
            while (true)
            {
                buffer.EnsureCapacity(length + 64 * 1024);
                var read = await body.ReadAsync(buffer.Array.AsMemory(length, Math.Min(buffer.Array.Length - length, FileBlockStore.MaxBlockSize + 1 - length)), timeout.Token);
                if (read == 0)
                {
                    return length;
                }

                length += read;
                if (length > FileBlockStore.MaxBlockSize)
                {
                    throw new RecordIntegrityException(text, $"the node sent a block over the {FileBlockStore.MaxBlockSize}-byte limit.");
                }
            }
        }
        catch (Exception ex) when (Translate(ex, "deliver block", text, _options.ReadTimeout, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Opens <c>cat</c> of <paramref name="root"/> from file offset <paramref name="offset"/>; the caller disposes the response.</summary>
    internal async Task<HttpResponseMessage> OpenCatAsync(Cid root, long offset, CancellationToken cancellationToken)
    {
        var text = root.ToString();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ClientReadLimit);
        try
        {
            using var request = new HttpRequestMessage(
                HttpMethod.Post,
                Endpoint(string.Create(CultureInfo.InvariantCulture, $"cat?arg={text}&offset={offset}&timeout={TimeoutArgument}")));
            return await SendAsync(IdempotentClientName, request, "deliver", text, timeout.Token);
        }
        catch (Exception ex) when (Translate(ex, "deliver", text, _options.ReadTimeout, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Turns a transport failure into the store's errors; null leaves the exception as it is.</summary>
    internal Exception? Translate(Exception exception, string operation, string? cid, TimeSpan limit, CancellationToken callerToken) => exception switch
    {
        RecordStoreException => null,
        OperationCanceledException when callerToken.IsCancellationRequested => null,
        OperationCanceledException or TimeoutRejectedException or TimeoutException => new IpfsNodeTimeoutException(operation, cid, limit, exception),
        HttpRequestException or IOException => new IpfsNodeUnavailableException(operation, cid, _options.ApiUrl, exception),
        System.Text.Json.JsonException or FormatException => new IpfsNodeException(operation, cid, $"the answer could not be read ({exception.Message})", null, (int)HttpStatusCode.OK),
        _ => null,
    };

    private async Task<string> CallAsync(string clientName, string query, string operation, string? cid, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit * (_options.MaxRetries + 1));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(query));
            using var response = await SendAsync(clientName, request, operation, cid, timeout.Token);
            return await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (Exception ex) when (Translate(ex, operation, cid, limit, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string clientName, HttpRequestMessage request, string operation, string? cid, CancellationToken cancellationToken)
    {
        var client = _factory.CreateClient(clientName);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await ReadErrorBodyAsync(response, cancellationToken);
            var error = KuboAnswers.ReadError(body);
            var message = error?.Message ?? (body.Length > 0 ? body.Trim() : response.ReasonPhrase ?? "no reason given");
            LogRefused(operation, cid, (int)response.StatusCode);
            if (message.Contains("timed out", StringComparison.OrdinalIgnoreCase) || message.Contains("deadline exceeded", StringComparison.OrdinalIgnoreCase))
            {
                throw new IpfsNodeTimeoutException(operation, cid, _options.ReadTimeout);
            }

            throw new IpfsNodeException(operation, cid, message, error?.Code, (int)response.StatusCode);
        }
    }

    private static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxErrorBodyLength];
        var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    private Uri Endpoint(string pathAndQuery) => new(_apiBase, "api/v0/" + pathAndQuery);

    [LoggerMessage(Level = LogLevel.Debug, Message = "IPFS node stored {Cid} ({Bytes} bytes)")]
    private partial void LogAdded(Cid cid, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IPFS node refused to {Operation} {Cid} with HTTP {Status}")]
    private partial void LogRefused(string operation, string? cid, int status);
}
