using System.Numerics;
using System.Security.Cryptography;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Model;
using Nethereum.Signer;
using Nethereum.Util;

namespace MedBlocks.Ledger.Ethereum;

/// <summary>
/// The station's own Ethereum account: it pays for and signs the transactions that publish entries. It says nothing
/// about an entry's author, who signs the entry itself with Ed25519. The key never leaves this object.
/// </summary>
internal sealed class StationAccount
{
    private readonly EthECKey key;

    /// <param name="privateKeyHex">0x and 64 hex digits.</param>
    public StationAccount(string privateKeyHex)
    {
        var bytes = privateKeyHex.HexToByteArray();
        try
        {
            key = new EthECKey(bytes, true);
            Address = key.GetPublicAddress();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>The account's checksummed 0x address.</summary>
    public string Address { get; }

    /// <summary>A signed legacy (EIP-155) transaction calling <paramref name="to"/> with <paramref name="data"/>.</summary>
    /// <returns>The raw transaction (hex, 0x) and its hash.</returns>
    public (string Raw, string Hash) Sign(long chainId, string to, string data, long nonce, BigInteger gasPrice, BigInteger gas)
    {
        // Signed with this key object rather than from its bytes: rebuilding the key for every transaction costs more than the signature.
        var transaction = new LegacyTransactionChainId(to, BigInteger.Zero, nonce, gasPrice, gas, data, new BigInteger(chainId));
        transaction.SetSignature(key.SignAndCalculateV(transaction.RawHash, new BigInteger(chainId)));
        var raw = transaction.GetRLPEncoded().ToHex(true);

        var hash = Sha3Keccack.Current.CalculateHash(raw.HexToByteArray()).ToHex(true);
        return (raw, hash);
    }
}
