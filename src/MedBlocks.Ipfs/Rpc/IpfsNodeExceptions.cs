using MedBlocks.Core.Records;

namespace MedBlocks.Ipfs.Rpc;

/// <summary>The IPFS node answered a call with an error; the message names the operation and the CID.</summary>
public sealed class IpfsNodeException : RecordStoreException
{
    public IpfsNodeException(string operation, string? cid, string nodeMessage, int? nodeCode, int httpStatus)
        : base($"The IPFS node refused to {operation}{Subject(cid)}: {nodeMessage} (HTTP {httpStatus}).")
    {
        Operation = operation;
        Cid = cid;
        NodeMessage = nodeMessage;
        NodeCode = nodeCode;
        HttpStatus = httpStatus;
    }

    public IpfsNodeException()
    {
        Operation = string.Empty;
        NodeMessage = string.Empty;
    }

    public IpfsNodeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
        NodeMessage = string.Empty;
    }

    public string Operation { get; }

    public string? Cid { get; }

    /// <summary>The node's own <c>Message</c>.</summary>
    public string NodeMessage { get; }

    /// <summary>The node's <c>Code</c>, when it sent one.</summary>
    public int? NodeCode { get; }

    public int HttpStatus { get; }

    internal static string Subject(string? cid) => cid is null ? string.Empty : $" {cid}";
}

/// <summary>The IPFS node could not be reached, or the connection broke during a call.</summary>
public sealed class IpfsNodeUnavailableException : RecordStoreException
{
    public IpfsNodeUnavailableException(string operation, string? cid, Uri apiUrl, Exception innerException)
        : base($"The IPFS node at {apiUrl} could not be reached to {operation}{IpfsNodeException.Subject(cid)}: {innerException.Message}", innerException)
    {
        Cid = cid;
    }

    public IpfsNodeUnavailableException()
    {
    }

    public IpfsNodeUnavailableException(string message)
        : base(message)
    {
    }

    public IpfsNodeUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Cid { get; }
}

/// <summary>
/// The node did not answer in time. For reads this usually means it does not hold the block and
/// cannot find a peer that does (IPFS nodes search rather than answer "not found").
/// </summary>
public sealed class IpfsNodeTimeoutException : RecordStoreException
{
    public IpfsNodeTimeoutException(string operation, string? cid, TimeSpan timeout, Exception? innerException = null)
        : base(
            $"The IPFS node did not {operation}{IpfsNodeException.Subject(cid)} within {timeout.TotalSeconds:0.#} s; it may not hold it.",
            innerException ?? new TimeoutException())
    {
        Cid = cid;
        Timeout = timeout;
    }

    public IpfsNodeTimeoutException()
    {
    }

    public IpfsNodeTimeoutException(string message)
        : base(message)
    {
    }

    public IpfsNodeTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Cid { get; }

    public TimeSpan Timeout { get; }
}
