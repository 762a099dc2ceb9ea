using System.Security.Cryptography;

namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>
/// NXP AN10922 AES-128 key diversification: CMAC-like over 0x01‖M, padded to 32 bytes with 80 00…
/// and the last block XORed with K2 (or with K1 when 0x01‖M is exactly 32 bytes).
/// </summary>
public static class An10922KeyDiversifier
{
    private const byte AesDivConstant = 0x01;
    private const int MaxInputLength = 31;

    /// <summary>Diversifies with M = UID‖AID(wire order)‖system identifier.</summary>
    public static DesfireKey Diversify(DesfireKey masterKey, ReadOnlySpan<byte> uid, DesfireAid aid, ReadOnlySpan<byte> systemIdentifier)
    {
        Span<byte> m = stackalloc byte[uid.Length + DesfireAid.Size + systemIdentifier.Length];
        uid.CopyTo(m);
        aid.WriteTo(m[uid.Length..]);
        systemIdentifier.CopyTo(m[(uid.Length + DesfireAid.Size)..]);
        return Diversify(masterKey, m);
    }

    /// <summary>Diversifies with a caller-built M (1 to 31 bytes, without the 0x01 constant).</summary>
    public static DesfireKey Diversify(DesfireKey masterKey, ReadOnlySpan<byte> diversificationInput)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Type != DesfireKeyType.Aes)
        {
            throw new ArgumentException("AN10922 AES-128 diversification needs an AES master key.", nameof(masterKey));
        }

        if (diversificationInput.IsEmpty || diversificationInput.Length > MaxInputLength)
        {
            throw new ArgumentException($"The diversification input must be 1..{MaxInputLength} bytes; got {diversificationInput.Length}.", nameof(diversificationInput));
        }

        using var cipher = new DesfireCipher(masterKey);
        using var cmac = new DesfireCmac(cipher, ownsCipher: false);
        Span<byte> d = stackalloc byte[32];
        d.Clear();
        d[0] = AesDivConstant;
        diversificationInput.CopyTo(d[1..]);
        var length = 1 + diversificationInput.Length;
        var subkey = cmac.K1;
        if (length < 32)
        {
            d[length] = 0x80;
            subkey = cmac.K2;
        }

        for (var i = 0; i < 16; i++)
        {
            d[16 + i] ^= subkey[i];
        }

        Span<byte> iv = stackalloc byte[16];
        iv.Clear();
        cipher.EncryptCbc(d, iv, d);
        var key = new DesfireKey(DesfireKeyType.Aes, d[16..], masterKey.Version);
        CryptographicOperations.ZeroMemory(d);
        return key;
    }
}
