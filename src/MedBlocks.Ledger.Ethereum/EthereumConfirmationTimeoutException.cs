namespace MedBlocks.Ledger.Ethereum;

/// <summary>The append's transaction was sent but not mined and confirmed in time. It stays pending; appending the same entry again waits for it rather than sending another.</summary>
public sealed class EthereumConfirmationTimeoutException : EthereumNodeException
{
    public EthereumConfirmationTimeoutException()
    {
    }

    public EthereumConfirmationTimeoutException(string message)
        : base(message)
    {
    }

    public EthereumConfirmationTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
