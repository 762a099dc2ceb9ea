using System.Security.Cryptography;

namespace MedBlocks.Core.Records;

/// <summary>
/// A record's random 32-byte AES-256 key, held in a pinned array that <see cref="Dispose"/> zeroes.
/// The bytes stay inside this assembly: callers encrypt, wrap and unwrap through the record types.
/// </summary>
public sealed class RecordKey : IDisposable
{
    public const int Length = 32;

    private readonly byte[] _key;
    private bool _disposed;

    private RecordKey(byte[] pinnedKey)
    {
        _key = pinnedKey;
    }

    /// <summary>The key bytes; throws once disposed.</summary>
    internal ReadOnlySpan<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _key;
        }
    }

    /// <summary>A fresh key from the system CSPRNG.</summary>
    public static RecordKey Generate()
    {
        var key = GC.AllocateArray<byte>(Length, pinned: true);
        RandomNumberGenerator.Fill(key);
        return new RecordKey(key);
    }

    /// <summary>A key from existing bytes (copied; the caller zeroes its own copy).</summary>
    /// <exception cref="ArgumentException">Not exactly 32 bytes.</exception>
    public static RecordKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length != Length)
        {
            throw new ArgumentException($"A record key is {Length} bytes, not {key.Length}.", nameof(key));
        }

        var copy = GC.AllocateArray<byte>(Length, pinned: true);
        key.CopyTo(copy);
        return new RecordKey(copy);
    }

    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_key);
    }
}
