using MedBlocks.Core.Participants;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace MedBlocks.Ledger.AppendWorker;

/// <summary>An Ed25519 signer whose private key is 32 copies of one seed byte: deterministic test identities.</summary>
public sealed class SeededSigner : IEntrySigner
{
    private readonly Ed25519PrivateKeyParameters key;

    public SeededSigner(byte seed)
    {
        var bytes = new byte[Ed25519PrivateKeyParameters.KeySize];
        Array.Fill(bytes, seed);
        key = new Ed25519PrivateKeyParameters(bytes);
        Address = Ed25519Address.FromPublicKey(key.GeneratePublicKey().GetEncoded());
    }

    public string Address { get; }

    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signature = new byte[Ed25519.SignatureSize];
        key.Sign(Ed25519.Algorithm.Ed25519, null, message, signature);
        return signature;
    }
}
