using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>
/// CBC and single-block operations of a DESFire key: AES through System.Security.Cryptography,
/// DES/2K3DES/3K3DES through BouncyCastle (which accepts the equal-halves keys cards use).
/// CBC calls take the IV by reference and leave it at the last ciphertext block, the DESFire running IV.
/// </summary>
public sealed class DesfireCipher : IDisposable
{
    private readonly Aes? _aes;
    private readonly byte[]? _desKey;
    private readonly DesfireKeyType _type;

    public DesfireCipher(DesfireKeyType type, ReadOnlySpan<byte> key)
    {
        if (key.Length != DesfireKey.KeyLength(type))
        {
            throw new ArgumentException($"A {type} key has {DesfireKey.KeyLength(type)} bytes; got {key.Length}.", nameof(key));
        }

        _type = type;
        BlockSize = DesfireKey.BlockSize(type);
        if (type == DesfireKeyType.Aes)
        {
            _aes = System.Security.Cryptography.Aes.Create();
            _aes.Key = key.ToArray();
        }
        else
        {
            _desKey = key.ToArray();
        }
    }

    public DesfireCipher(DesfireKey key)
        : this(key?.Type ?? throw new ArgumentNullException(nameof(key)), key.Bytes)
    {
    }

    public int BlockSize { get; }

    /// <summary>CBC-encrypts whole blocks; <paramref name="iv"/> ends as the last ciphertext block.</summary>
    public void EncryptCbc(ReadOnlySpan<byte> plaintext, Span<byte> iv, Span<byte> ciphertext)
    {
        CheckCbcArguments(plaintext, iv, ciphertext);
        if (plaintext.IsEmpty)
        {
            return;
        }

        if (_aes is not null)
        {
            _aes.EncryptCbc(plaintext, iv, ciphertext, PaddingMode.None);
        }
        else
        {
            RunDesCbc(forEncryption: true, plaintext, iv, ciphertext);
        }

        ciphertext.Slice(plaintext.Length - BlockSize, BlockSize).CopyTo(iv);
    }

    /// <summary>CBC-decrypts whole blocks; <paramref name="iv"/> ends as the last ciphertext block.</summary>
    public void DecryptCbc(ReadOnlySpan<byte> ciphertext, Span<byte> iv, Span<byte> plaintext)
    {
        CheckCbcArguments(ciphertext, iv, plaintext);
        if (ciphertext.IsEmpty)
        {
            return;
        }

        // The input may alias the output; keep the next IV first.
        Span<byte> nextIv = stackalloc byte[BlockSize];
        ciphertext.Slice(ciphertext.Length - BlockSize, BlockSize).CopyTo(nextIv);
        if (_aes is not null)
        {
            _aes.DecryptCbc(ciphertext, iv, plaintext, PaddingMode.None);
        }
        else
        {
            RunDesCbc(forEncryption: false, ciphertext, iv, plaintext);
        }

        nextIv.CopyTo(iv);
    }

    /// <summary>Encrypts one block without chaining.</summary>
    public void EncryptBlock(ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<byte> zeroIv = stackalloc byte[BlockSize];
        EncryptCbc(input[..BlockSize], zeroIv, output);
    }

    /// <summary>Decrypts one block without chaining.</summary>
    public void DecryptBlock(ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<byte> zeroIv = stackalloc byte[BlockSize];
        DecryptCbc(input[..BlockSize], zeroIv, output);
    }

    public void Dispose()
    {
        _aes?.Dispose();
        if (_desKey is not null)
        {
            CryptographicOperations.ZeroMemory(_desKey);
        }
    }

    private void RunDesCbc(bool forEncryption, ReadOnlySpan<byte> input, ReadOnlySpan<byte> iv, Span<byte> output)
    {
        IBlockCipher engine = _type == DesfireKeyType.Des ? new DesEngine() : new DesEdeEngine();
        var cbc = new CbcBlockCipher(engine);
        cbc.Init(forEncryption, new ParametersWithIV(new KeyParameter(_desKey), iv));
        for (var offset = 0; offset < input.Length; offset += BlockSize)
        {
            cbc.ProcessBlock(input.Slice(offset, BlockSize), output.Slice(offset, BlockSize));
        }
    }

    private void CheckCbcArguments(ReadOnlySpan<byte> input, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> output)
    {
        if (input.Length % BlockSize != 0)
        {
            throw new ArgumentException($"CBC input must be a multiple of {BlockSize} bytes; got {input.Length}.", nameof(input));
        }

        if (iv.Length != BlockSize)
        {
            throw new ArgumentException($"The IV must be {BlockSize} bytes; got {iv.Length}.", nameof(iv));
        }

        if (output.Length < input.Length)
        {
            throw new ArgumentException("The output is shorter than the input.", nameof(output));
        }
    }
}
