using System.Security.Cryptography;

namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>
/// CMAC (NIST SP 800-38B) over a DESFire key: R = 0x87 for AES, 0x1B for the 64-bit DES family.
/// The running-IV form starts CBC from the session IV and leaves the IV at the full MAC, as DESFire EV1 does.
/// </summary>
public sealed class DesfireCmac : IDisposable
{
    private readonly DesfireCipher _cipher;
    private readonly bool _ownsCipher;
    private readonly byte[] _k1;
    private readonly byte[] _k2;

    public DesfireCmac(DesfireKeyType type, ReadOnlySpan<byte> key)
        : this(new DesfireCipher(type, key), ownsCipher: true)
    {
    }

    internal DesfireCmac(DesfireCipher cipher, bool ownsCipher)
    {
        _cipher = cipher;
        _ownsCipher = ownsCipher;
        var blockSize = cipher.BlockSize;
        var l = new byte[blockSize];
        cipher.EncryptBlock(new byte[blockSize], l);
        var r = blockSize == 16 ? (byte)0x87 : (byte)0x1B;
        _k1 = DoubleInField(l, r);
        _k2 = DoubleInField(_k1, r);
        CryptographicOperations.ZeroMemory(l);
    }

    public int BlockSize => _cipher.BlockSize;

    internal ReadOnlySpan<byte> K1 => _k1;

    internal ReadOnlySpan<byte> K2 => _k2;

    /// <summary>Standard CMAC with a zero IV; returns the full block.</summary>
    public byte[] Compute(ReadOnlySpan<byte> message)
    {
        var iv = new byte[BlockSize];
        var mac = new byte[BlockSize];
        Compute(message, iv, mac);
        return mac;
    }

    /// <summary>CMAC starting CBC from <paramref name="iv"/>; writes the full MAC and sets <paramref name="iv"/> to it.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> iv, Span<byte> mac)
    {
        var blockSize = BlockSize;
        var complete = message.Length != 0 && message.Length % blockSize == 0;
        var paddedLength = complete ? message.Length : (message.Length / blockSize + 1) * blockSize;
        var buffer = paddedLength <= 256 ? stackalloc byte[paddedLength] : new byte[paddedLength];
        message.CopyTo(buffer);
        if (!complete)
        {
            buffer[message.Length] = 0x80;
            buffer[(message.Length + 1)..].Clear();
        }

        var subkey = complete ? _k1 : _k2;
        var last = buffer[^blockSize..];
        for (var i = 0; i < blockSize; i++)
        {
            last[i] ^= subkey[i];
        }

        _cipher.EncryptCbc(buffer, iv, buffer);
        buffer[^blockSize..].CopyTo(mac);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_k1);
        CryptographicOperations.ZeroMemory(_k2);
        if (_ownsCipher)
        {
            _cipher.Dispose();
        }
    }

    private static byte[] DoubleInField(ReadOnlySpan<byte> value, byte r)
    {
        var result = new byte[value.Length];
        var carry = 0;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            result[i] = (byte)((value[i] << 1) | carry);
            carry = value[i] >> 7;
        }

        // Constant-time reduction: the mask is all ones when the top bit was set.
        result[^1] ^= (byte)(r & -carry);
        return result;
    }
}
