using System.Buffers;
using System.Collections.Concurrent;
using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace MedBlocks.Ledger;

/// <summary>
/// Verifies entry signatures, keeping each author's decoded public key (base58 decoding and point
/// decompression cost as much as a fifth of a verification). Thread-safe.
/// </summary>
internal sealed class EntrySignatureVerifier
{
    private const int MaxCachedKeys = 100_000;

    private readonly ConcurrentDictionary<string, Ed25519PublicKeyParameters?> keys = new(StringComparer.Ordinal);

    public bool Verify(LedgerEntry entry)
    {
        var key = GetKey(entry.Author);
        Span<byte> signature = stackalloc byte[Ed25519Address.SignatureLength];
        if (key is null
            || !LedgerEncoding.IsCanonicalBase64(entry.Sig, out var signatureLength)
            || signatureLength != Ed25519Address.SignatureLength
            || !Convert.TryFromBase64String(entry.Sig, signature, out _))
        {
            return false;
        }

        var message = ArrayPool<byte>.Shared.Rent(entry.SignedBytesLength);
        try
        {
            var length = entry.CopySignedBytesTo(message);
            return key.Verify(Ed25519.Algorithm.Ed25519, null, message.AsSpan(0, length), signature);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }
    }

    private Ed25519PublicKeyParameters? GetKey(string address)
    {
        if (keys.TryGetValue(address, out var cached))
        {
            return cached;
        }

        Ed25519PublicKeyParameters? key = null;
        if (Ed25519Address.IsValid(address))
        {
            try
            {
                key = new Ed25519PublicKeyParameters(Ed25519Address.ToPublicKey(address));
            }
            catch (ArgumentException)
            {
                // Not a point on the curve: no signature can verify.
            }
        }

        if (keys.Count < MaxCachedKeys)
        {
            keys[address] = key;
        }

        return key;
    }
}
