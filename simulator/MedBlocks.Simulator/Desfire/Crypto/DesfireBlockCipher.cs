using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace MedBlocks.Simulator.Desfire.Crypto;

/// <summary>
/// One keyed block cipher (AES-128 or 2/3-key TDEA) with the CBC variants DESFire needs. The chaining
/// value is passed in and out explicitly because the card keeps it across commands.
/// </summary>
internal sealed class DesfireBlockCipher
{
    private readonly IBlockCipher _encryptor;
    private readonly IBlockCipher _decryptor;

    private DesfireBlockCipher(IBlockCipher encryptor, IBlockCipher decryptor)
    {
        _encryptor = encryptor;
        _decryptor = decryptor;
        BlockSize = encryptor.GetBlockSize();
    }

    public int BlockSize { get; }

    public static DesfireBlockCipher Create(DesfireKeyType type, ReadOnlySpan<byte> key)
    {
        IBlockCipher enc;
        IBlockCipher dec;
        if (type == DesfireKeyType.Aes)
        {
            enc = new AesEngine();
            dec = new AesEngine();
        }
        else
        {
            enc = new DesEdeEngine();
            dec = new DesEdeEngine();
        }

        // KeyParameter copies the key; TDEA engines accept 16- or 24-byte keys, equal halves giving DES.
        var parameter = new KeyParameter(key);
        enc.Init(true, parameter);
        dec.Init(false, parameter);
        return new DesfireBlockCipher(enc, dec);
    }

    public void EncryptBlock(ReadOnlySpan<byte> input, Span<byte> output) => _encryptor.ProcessBlock(input, output);

    public void DecryptBlock(ReadOnlySpan<byte> input, Span<byte> output) => _decryptor.ProcessBlock(input, output);

    /// <summary>CBC encryption in place; <paramref name="iv"/> ends as the last cipher block.</summary>
    public void CbcEncrypt(Span<byte> data, Span<byte> iv)
    {
        Span<byte> block = stackalloc byte[BlockSize];
        for (var offset = 0; offset < data.Length; offset += BlockSize)
        {
            var chunk = data.Slice(offset, BlockSize);
            for (var i = 0; i < BlockSize; i++)
            {
                block[i] = (byte)(chunk[i] ^ iv[i]);
            }

            EncryptBlock(block, chunk);
            chunk.CopyTo(iv);
        }
    }

    /// <summary>CBC decryption in place; <paramref name="iv"/> ends as the last cipher block.</summary>
    public void CbcDecrypt(Span<byte> data, Span<byte> iv)
    {
        Span<byte> cipherBlock = stackalloc byte[BlockSize];
        for (var offset = 0; offset < data.Length; offset += BlockSize)
        {
            var chunk = data.Slice(offset, BlockSize);
            chunk.CopyTo(cipherBlock);
            DecryptBlock(cipherBlock, chunk);
            for (var i = 0; i < BlockSize; i++)
            {
                chunk[i] ^= iv[i];
            }

            cipherBlock.CopyTo(iv);
        }
    }

    /// <summary>
    /// Undoes the legacy (0x0A) "send mode" of the reader, which XORs each plain block with the previous
    /// cipher block and then applies the block decryption: here P = E(C) XOR previous C, IV zero.
    /// </summary>
    public void LegacyReceive(Span<byte> data)
    {
        Span<byte> previous = stackalloc byte[BlockSize];
        Span<byte> cipherBlock = stackalloc byte[BlockSize];
        previous.Clear();
        for (var offset = 0; offset < data.Length; offset += BlockSize)
        {
            var chunk = data.Slice(offset, BlockSize);
            chunk.CopyTo(cipherBlock);
            EncryptBlock(cipherBlock, chunk);
            for (var i = 0; i < BlockSize; i++)
            {
                chunk[i] ^= previous[i];
            }

            cipherBlock.CopyTo(previous);
        }
    }
}
