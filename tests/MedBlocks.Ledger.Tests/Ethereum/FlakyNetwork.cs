using System.Net;

namespace MedBlocks.Ledger.Tests.Ethereum;

/// <summary>The station's network to its node, which a test can cut: before any request, or just after a transaction was sent (the answer is lost).</summary>
internal sealed class FlakyNetwork : DelegatingHandler
{
    public FlakyNetwork()
        : base(new SocketsHttpHandler())
    {
    }

    /// <summary>Every request fails before reaching the node.</summary>
    public bool Down { get; set; }

    /// <summary>eth_sendRawTransaction reaches the node, then the answer is lost (once).</summary>
    public bool LoseNextSendAnswer { get; set; }

    public int SendsReachingNode { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Down)
        {
            throw new HttpRequestException("network down (test)", null, HttpStatusCode.ServiceUnavailable);
        }

        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (body.Contains("eth_sendRawTransaction", StringComparison.Ordinal))
        {
            SendsReachingNode++;
            if (LoseNextSendAnswer)
            {
                LoseNextSendAnswer = false;
                response.Dispose();
                throw new HttpRequestException("connection reset after the request was sent (test)");
            }
        }

        return response;
    }
}
