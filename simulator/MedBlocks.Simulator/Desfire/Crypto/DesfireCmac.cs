namespace MedBlocks.Simulator.Desfire.Crypto;

/// <summary>
/// CMAC (NIST SP 800-38B) whose CBC chain starts from the DESFire session IV instead of zero; with a
/// zero IV it is the standard CMAC. The block cipher itself comes from BouncyCastle.
/// </summary>
internal sealed class DesfireCmac
{
    private readonly DesfireBlockCipher _cipher;
    private readonly byte[] _k1;
    private readonly byte[] _k2;

    public DesfireCmac(DesfireBlockCipher cipher)
    {
        _cipher = cipher;
        var bs = cipher.BlockSize;
        var l = new byte[bs];
        cipher.EncryptBlock(new byte[bs], l);
        var rb = (byte)(bs == 16 ? 0x87 : 0x1B);
        _k1 = DoubleInField(l, rb);
        _k2 = DoubleInField(_k1, rb);
        Array.Clear(l);
    }

    public int BlockSize => _cipher.BlockSize;

    /// <summary>Computes the full-length CMAC of <paramref name="message"/> chained from <paramref name="iv"/> and leaves it in <paramref name="iv"/>.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> iv)
    {
        var bs = BlockSize;
        var complete = message.Length > 0 && message.Length % bs == 0;
        var blocks = message.Length == 0 ? 1 : (message.Length + bs - 1) / bs;
        Span<byte> block = stackalloc byte[bs];
        for (var n = 0; n < blocks; n++)
        {
            var start = n * bs;
            var length = Math.Min(bs, message.Length - start);
            block.Clear();
            message.Slice(start, length).CopyTo(block);
            if (n == blocks - 1)
            {
                if (!complete)
                {
                    block[length] = 0x80;
                }

                var subkey = complete ? _k1 : _k2;
                for (var i = 0; i < bs; i++)
                {
                    block[i] ^= subkey[i];
                }
            }

            for (var i = 0; i < bs; i++)
            {
                block[i] ^= iv[i];
            }

            _cipher.EncryptBlock(block, iv);
        }
    }

    private static byte[] DoubleInField(byte[] input, byte rb)
    {
        var output = new byte[input.Length];
        var carry = 0;
        for (var i = input.Length - 1; i >= 0; i--)
        {
            var b = input[i];
            output[i] = (byte)((b << 1) | carry);
            carry = b >> 7;
        }

        if ((input[0] & 0x80) != 0)
        {
            output[^1] ^= rb;
        }

        return output;
    }
}
