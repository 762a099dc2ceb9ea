using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace MedBlocks.Simulator.Tests.Support;

/// <summary>
/// The reader's side of the DESFire crypto, written independently of the simulator for use as a
/// test oracle: raw block ciphers, CBC, CMAC chained from an IV, CRC32 and CRC16 done bit by bit.
/// </summary>
internal sealed class HostCrypto
{
    private readonly IBlockCipher _enc;
    private readonly IBlockCipher _dec;

    public HostCrypto(byte[] key, bool aes)
    {
        _enc = aes ? new AesEngine() : new DesEdeEngine();
        _dec = aes ? new AesEngine() : new DesEdeEngine();
        _enc.Init(true, new KeyParameter(key));
        _dec.Init(false, new KeyParameter(key));
    }

    public int BlockSize => _enc.GetBlockSize();

    public byte[] E(byte[] block)
    {
        var o = new byte[BlockSize];
        _enc.ProcessBlock(block, 0, o, 0);
        return o;
    }

    public byte[] D(byte[] block)
    {
        var o = new byte[BlockSize];
        _dec.ProcessBlock(block, 0, o, 0);
        return o;
    }

    public byte[] CbcEncrypt(byte[] data, byte[] iv)
    {
        var result = new byte[data.Length];
        var chain = (byte[])iv.Clone();
        for (var o = 0; o < data.Length; o += BlockSize)
        {
            chain = E(Xor(data[o..(o + BlockSize)], chain));
            chain.CopyTo(result, o);
        }

        chain.CopyTo(iv, 0);
        return result;
    }

    public byte[] CbcDecrypt(byte[] data, byte[] iv)
    {
        var result = new byte[data.Length];
        var chain = (byte[])iv.Clone();
        for (var o = 0; o < data.Length; o += BlockSize)
        {
            var c = data[o..(o + BlockSize)];
            Xor(D(c), chain).CopyTo(result, o);
            chain = c;
        }

        chain.CopyTo(iv, 0);
        return result;
    }

    /// <summary>Legacy send mode: XOR with the previous block, then the block decryption.</summary>
    public byte[] LegacySend(byte[] data)
    {
        var result = new byte[data.Length];
        var chain = new byte[BlockSize];
        for (var o = 0; o < data.Length; o += BlockSize)
        {
            chain = D(Xor(data[o..(o + BlockSize)], chain));
            chain.CopyTo(result, o);
        }

        return result;
    }

    public byte[] Cmac(byte[] message, byte[] iv)
    {
        var bs = BlockSize;
        var rb = bs == 16 ? 0x87 : 0x1B;
        var k1 = Shift(E(new byte[bs]), rb);
        var k2 = Shift(k1, rb);
        var padded = message.ToList();
        var complete = message.Length > 0 && message.Length % bs == 0;
        if (!complete)
        {
            padded.Add(0x80);
            while (padded.Count % bs != 0)
            {
                padded.Add(0);
            }
        }

        var m = padded.ToArray();
        var last = m.Length - bs;
        Xor(m[last..], complete ? k1 : k2).CopyTo(m, last);
        var chain = (byte[])iv.Clone();
        for (var o = 0; o < m.Length; o += bs)
        {
            chain = E(Xor(m[o..(o + bs)], chain));
        }

        chain.CopyTo(iv, 0);
        return chain;
    }

    public static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return crc;
    }

    public static byte[] Crc32Bytes(byte[] data) => BitConverter.GetBytes(Crc32(data));

    public static byte[] Crc16Bytes(byte[] data)
    {
        var crc = 0x6363;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x8408 : crc >> 1;
            }
        }

        return [(byte)crc, (byte)(crc >> 8)];
    }

    public static byte[] Xor(byte[] a, byte[] b)
    {
        var r = new byte[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            r[i] = (byte)(a[i] ^ b[i]);
        }

        return r;
    }

    private static byte[] Shift(byte[] v, int rb)
    {
        var r = new byte[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            r[i] = (byte)((v[i] << 1) | (i + 1 < v.Length ? v[i + 1] >> 7 : 0));
        }

        if ((v[0] & 0x80) != 0)
        {
            r[^1] ^= (byte)rb;
        }

        return r;
    }
}
