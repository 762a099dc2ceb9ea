using MedBlocks.Core.Ledger;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>The Ethereum node answered with an error, or with something this station cannot use.</summary>
public class EthereumNodeException : LedgerException
{
    public EthereumNodeException()
    {
    }

    public EthereumNodeException(string message)
        : base(message)
    {
    }

    public EthereumNodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
