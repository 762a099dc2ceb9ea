using System.Security.Cryptography;

namespace MedBlocks.SmartCards.Desfire.Crypto;

/// <summary>A DESFire key: type, key bytes and key version. The bytes are zeroed on Dispose.</summary>
public sealed class DesfireKey : IDisposable
{
    private readonly byte[] _bytes;
    private bool _disposed;

    public DesfireKey(DesfireKeyType type, ReadOnlySpan<byte> key, byte version = 0)
    {
        var expected = KeyLength(type);
        if (key.Length != expected)
        {
            throw new ArgumentException($"A {type} key has {expected} bytes; got {key.Length}.", nameof(key));
        }

        Type = type;
        Version = version;
        _bytes = key.ToArray();
    }

    public DesfireKeyType Type { get; }

    public byte Version { get; }

    /// <summary>The key bytes as given (DES/3DES parity bits untouched).</summary>
    public ReadOnlySpan<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    /// <summary>The factory-default PICC master key: DES, 8 zero bytes, version 0.</summary>
    public static DesfireKey FactoryDefault() => new(DesfireKeyType.Des, new byte[8]);

    public static DesfireKey Aes(ReadOnlySpan<byte> key, byte version = 0) => new(DesfireKeyType.Aes, key, version);

    public static int KeyLength(DesfireKeyType type) => type switch
    {
        DesfireKeyType.Des => 8,
        DesfireKeyType.TwoKey3Des => 16,
        DesfireKeyType.ThreeKey3Des => 24,
        DesfireKeyType.Aes => 16,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown key type."),
    };

    /// <summary>The cipher block size for this key type: 16 for AES, 8 for the DES family.</summary>
    public static int BlockSize(DesfireKeyType type) => type == DesfireKeyType.Aes ? 16 : 8;

    /// <summary>
    /// The key as ChangeKey sends it: DES widened to 16 bytes (K‖K), and for the DES family the
    /// version written into the parity bits of the first 8 bytes (and of the copy, for DES).
    /// </summary>
    public byte[] ToChangeKeyBytes()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Type == DesfireKeyType.Aes)
        {
            return (byte[])_bytes.Clone();
        }

        var wire = new byte[Type == DesfireKeyType.Des ? 16 : _bytes.Length];
        _bytes.CopyTo(wire, 0);
        for (var i = 0; i < 8; i++)
        {
            wire[i] = (byte)((wire[i] & 0xFE) | ((Version >> (7 - i)) & 1));
        }

        if (Type == DesfireKeyType.Des)
        {
            wire.AsSpan(0, 8).CopyTo(wire.AsSpan(8));
        }

        return wire;
    }

    /// <summary>
    /// The key the ISO (1A) exchange runs with: DES becomes 2K3DES with equal halves, which computes single DES.
    /// </summary>
    internal DesfireKey ToIsoAuthenticationKey()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Type != DesfireKeyType.Des)
        {
            return new DesfireKey(Type, _bytes, Version);
        }

        Span<byte> doubled = stackalloc byte[16];
        _bytes.CopyTo(doubled);
        _bytes.CopyTo(doubled[8..]);
        var key = new DesfireKey(DesfireKeyType.TwoKey3Des, doubled, Version);
        CryptographicOperations.ZeroMemory(doubled);
        return key;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(_bytes);
            _disposed = true;
        }
    }
}
