using MedBlocks.Core.Participants;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace MedBlocks.Core.Tests.Ledger;

/// <summary>An in-memory Ed25519 signer with a deterministic key, for tests.</summary>
internal sealed class TestSigner : IEntrySigner
{
    private readonly Ed25519PrivateKeyParameters key;

    public TestSigner(byte seed)
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
        var data = message.ToArray();
        key.Sign(Ed25519.Algorithm.Ed25519, null, data, 0, data.Length, signature, 0);
        return signature;
    }
}
