using System.Net;
using MedBlocks.Ipfs.Cids;
using MedBlocks.Ipfs.Rpc;
using MedBlocks.Ipfs.Store;
using MedBlocks.Ipfs.UnixFs;
using Microsoft.Extensions.DependencyInjection;

namespace MedBlocks.Ipfs.Tests.Rpc;

/// <summary>
/// A scripted RPC endpoint behind the product's own HttpClient registration: serves one file's blocks
/// and <c>cat</c> from memory, and answers other calls from a script, counting requests per path.
/// </summary>
internal sealed class ScriptedKuboNode : HttpMessageHandler
{
    private readonly Dictionary<string, byte[]> _blocks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

    public byte[] Content { get; private set; } = [];

    public Cid? Root { get; private set; }

    public List<Cid> Leaves { get; } = [];

    /// <summary>Answers for paths without a built-in answer (path after /api/v0/).</summary>
    public Func<string, HttpRequestMessage, HttpResponseMessage>? Script { get; set; }

    /// <summary>Changes <c>cat</c>'s bytes before they are sent.</summary>
    public Action<byte[]>? TamperCat { get; set; }

    public int Calls(string path) => _calls.GetValueOrDefault(path);

    public void Serve(byte[] content)
    {
        Content = content;
        Root = UnixFsImporter.ImportAsync(
            new MemoryStream(content),
            UnixFsImportOptions.CidV1,
            (block, _) =>
            {
                _blocks[block.Cid.ToString()] = block.Data.ToArray();
                if (block.Cid.Codec == CidCodec.Raw)
                {
                    Leaves.Add(block.Cid);
                }

                return ValueTask.CompletedTask;
            },
            CancellationToken.None).GetAwaiter().GetResult();
    }

    public KuboRpcClient CreateClient(Action<IpfsNodeOptions>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddKuboRpcClient(o =>
        {
            o.ApiUrl = new Uri("http://127.0.0.1:5999");
            configure?.Invoke(o);
        });
        services.AddHttpClient(KuboRpcClient.IdempotentClientName).ConfigurePrimaryHttpMessageHandler(() => this);
        services.AddHttpClient(KuboRpcClient.SingleShotClientName).ConfigurePrimaryHttpMessageHandler(() => this);
        return services.BuildServiceProvider().GetRequiredService<KuboRpcClient>();
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        var path = request.RequestUri!.AbsolutePath["/api/v0/".Length..];
        _calls[path] = Calls(path) + 1;
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
        if (path == "block/get" && _blocks.TryGetValue(query["arg"] ?? string.Empty, out var block))
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(block) };
        }

        if (path == "cat" && query["arg"] == Root?.ToString())
        {
            var bytes = Content.AsSpan(int.Parse(query["offset"] ?? "0", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            TamperCat?.Invoke(bytes);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) };
        }

        return Script?.Invoke(path, request)
            ?? Json("""{"Message":"unscripted call","Code":0,"Type":"error"}""", HttpStatusCode.InternalServerError);
    }
}
