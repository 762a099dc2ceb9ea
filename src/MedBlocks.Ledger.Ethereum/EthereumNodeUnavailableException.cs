namespace MedBlocks.Ledger.Ethereum;

/// <summary>The Ethereum node could not be reached or did not answer in time. Nothing was appended that a retry would append twice: retry with the same entry.</summary>
public sealed class EthereumNodeUnavailableException : EthereumNodeException
{
    public EthereumNodeUnavailableException()
    {
    }

    public EthereumNodeUnavailableException(string message)
        : base(message)
    {
    }

    public EthereumNodeUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
