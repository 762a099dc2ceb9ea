using System.Security.Cryptography;

namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>EV2 session keys from AuthenticateEV2First: ENC = CMAC(K, SV1), MAC = CMAC(K, SV2).</summary>
public sealed class Ev2SessionKeys : IDisposable
{
    private readonly byte[] _encryption;
    private readonly byte[] _mac;

    private Ev2SessionKeys(byte[] encryption, byte[] mac)
    {
        _encryption = encryption;
        _mac = mac;
    }

    public ReadOnlySpan<byte> EncryptionKey => _encryption;

    public ReadOnlySpan<byte> MacKey => _mac;

    /// <summary>SV = prefix‖00 01 00 80‖A[0..1]‖(A[2..7]⊕B[0..5])‖B[6..15]‖A[8..15]; prefix A5 5A (SV1) or 5A A5 (SV2).</summary>
    public static byte[] SessionVector(byte first, byte second, ReadOnlySpan<byte> rndA, ReadOnlySpan<byte> rndB)
    {
        if (rndA.Length != 16 || rndB.Length != 16)
        {
            throw new ArgumentException("EV2 random numbers are 16 bytes.");
        }

        var sv = new byte[32];
        sv[0] = first;
        sv[1] = second;
        sv[2] = 0x00;
        sv[3] = 0x01;
        sv[4] = 0x00;
        sv[5] = 0x80;
        rndA[..2].CopyTo(sv.AsSpan(6));
        for (var i = 0; i < 6; i++)
        {
            sv[8 + i] = (byte)(rndA[2 + i] ^ rndB[i]);
        }

        rndB[6..16].CopyTo(sv.AsSpan(14));
        rndA[8..16].CopyTo(sv.AsSpan(24));
        return sv;
    }

    public static Ev2SessionKeys Derive(DesfireKey key, ReadOnlySpan<byte> rndA, ReadOnlySpan<byte> rndB)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Type != DesfireKeyType.Aes)
        {
            throw new ArgumentException("EV2 secure messaging runs with AES keys.", nameof(key));
        }

        using var cmac = new DesfireCmac(key.Type, key.Bytes);
        var sv1 = SessionVector(0xA5, 0x5A, rndA, rndB);
        var sv2 = SessionVector(0x5A, 0xA5, rndA, rndB);
        var keys = new Ev2SessionKeys(cmac.Compute(sv1), cmac.Compute(sv2));
        CryptographicOperations.ZeroMemory(sv1);
        CryptographicOperations.ZeroMemory(sv2);
        return keys;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_encryption);
        CryptographicOperations.ZeroMemory(_mac);
    }
}
