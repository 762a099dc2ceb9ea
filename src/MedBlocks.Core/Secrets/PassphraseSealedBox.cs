using System.Security.Cryptography;
using System.Text.Json;
using MedBlocks.Core.Encoding;

namespace MedBlocks.Core.Secrets;

/// <summary>
/// Secret bytes sealed under a passphrase or PIN: key = Argon2id(passphrase UTF-8, salt), then AES-256-GCM
/// with a random 12-byte nonce. JSON form: <c>{"v":2,"kdf":{"alg":"argon2id","m","t","p","salt"},"nonce","ct"}</c>
/// where <c>ct</c> is ciphertext ‖ 16-byte tag. The associated data is the caller's context followed by
/// the box version and every KDF field (length-prefixed), so no parameter can be swapped without the tag failing.
/// Participant key files embed the same fields; the patient card's key material file is exactly this shape.
/// </summary>
public sealed class PassphraseSealedBox
{
    public const int Version = 2;
    public const string KdfAlgorithm = "argon2id";
    public const int SaltLength = 16;
    public const int NonceLength = 12;
    public const int TagLength = 16;
    private const int KeyLength = 32;

    private readonly byte[] _salt;
    private readonly byte[] _nonce;
    private readonly byte[] _ciphertext;

    private PassphraseSealedBox(Argon2Parameters kdf, byte[] salt, byte[] nonce, byte[] ciphertext)
    {
        Kdf = kdf;
        _salt = salt;
        _nonce = nonce;
        _ciphertext = ciphertext;
    }

    public Argon2Parameters Kdf { get; }

    public ReadOnlyMemory<byte> Salt => _salt;

    public ReadOnlyMemory<byte> Nonce => _nonce;

    /// <summary>Ciphertext followed by the 16-byte GCM tag.</summary>
    public ReadOnlyMemory<byte> Ciphertext => _ciphertext;

    /// <summary>
    /// Seals <paramref name="plaintext"/>. The <paramref name="context"/> is the caller's associated data
    /// (what file this is, for whom); the same bytes must be given to <see cref="Open"/>.
    /// </summary>
    public static PassphraseSealedBox Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<char> passphrase, Argon2Parameters kdf, ReadOnlySpan<byte> context)
    {
        ArgumentNullException.ThrowIfNull(kdf);
        if (passphrase.IsEmpty)
        {
            throw new ArgumentException("A passphrase must not be empty.", nameof(passphrase));
        }

        kdf.EnsureWithinLimits();
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var ciphertext = new byte[plaintext.Length + TagLength];
        var associatedData = AssociatedData(context, kdf, salt);
        var key = GC.AllocateArray<byte>(KeyLength, pinned: true);
        try
        {
            Argon2idKeyDerivation.Derive(passphrase, salt, kdf, key);
            using var aes = new AesGcm(key, TagLength);
            aes.Encrypt(nonce, plaintext, ciphertext.AsSpan(0, plaintext.Length), ciphertext.AsSpan(plaintext.Length), associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return new PassphraseSealedBox(kdf, salt, nonce, ciphertext);
    }

    /// <summary>
    /// Opens the box. The returned array is pinned; the caller must zero it
    /// (<see cref="CryptographicOperations.ZeroMemory"/>) when done.
    /// </summary>
    /// <exception cref="WrongPassphraseException">The tag did not verify: wrong passphrase, or the box or context was altered.</exception>
    public byte[] Open(ReadOnlySpan<char> passphrase, ReadOnlySpan<byte> context)
    {
        var associatedData = AssociatedData(context, Kdf, _salt);
        var plaintextLength = _ciphertext.Length - TagLength;
        var plaintext = GC.AllocateArray<byte>(plaintextLength, pinned: true);
        var key = GC.AllocateArray<byte>(KeyLength, pinned: true);
        try
        {
            Argon2idKeyDerivation.Derive(passphrase, _salt, Kdf, key);
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(_nonce, _ciphertext.AsSpan(0, plaintextLength), _ciphertext.AsSpan(plaintextLength), plaintext, associatedData);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException e)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw new WrongPassphraseException("The passphrase does not open this key file, or the file was altered.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The standalone form <c>{"v":2,"kdf":{...},"nonce":"...","ct":"..."}</c>, compact UTF-8 JSON.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            WriteFields(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <exception cref="KeyFileFormatException">The JSON is malformed, truncated, of another version, or asks for refused KDF costs.</exception>
    public static PassphraseSealedBox Parse(string json)
    {
        using var document = KeyFileJson.Parse(json);
        KeyFileJson.RequireVersion(document.RootElement, Version);
        return ReadFields(document.RootElement);
    }

    /// <summary>Writes the <c>kdf</c>, <c>nonce</c> and <c>ct</c> properties into an object being written.</summary>
    public void WriteFields(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject("kdf");
        writer.WriteString("alg", KdfAlgorithm);
        writer.WriteNumber("m", Kdf.MemoryKiB);
        writer.WriteNumber("t", Kdf.Iterations);
        writer.WriteNumber("p", Kdf.Lanes);
        writer.WriteBase64String("salt", _salt);
        writer.WriteEndObject();
        writer.WriteBase64String("nonce", _nonce);
        writer.WriteBase64String("ct", _ciphertext);
    }

    /// <summary>Reads the <c>kdf</c>, <c>nonce</c> and <c>ct</c> properties of a key file object.</summary>
    /// <exception cref="KeyFileFormatException">A field is missing, mistyped or out of range.</exception>
    public static PassphraseSealedBox ReadFields(JsonElement root)
    {
        var kdfElement = KeyFileJson.GetProperty(root, "kdf", JsonValueKind.Object);
        var algorithm = KeyFileJson.GetString(kdfElement, "alg");
        if (algorithm != KdfAlgorithm)
        {
            throw new KeyFileFormatException($"KDF '{algorithm}' is not supported (expected {KdfAlgorithm}).");
        }

        var kdf = new Argon2Parameters(
            KeyFileJson.GetInt32(kdfElement, "m"),
            KeyFileJson.GetInt32(kdfElement, "t"),
            KeyFileJson.GetInt32(kdfElement, "p"));
        if (!kdf.IsWithinReadLimits(out var reason))
        {
            throw new KeyFileFormatException($"The key file's Argon2 parameters are refused: {reason}.");
        }

        var salt = KeyFileJson.GetBase64(kdfElement, "salt");
        if (salt.Length is < SaltLength or > 64)
        {
            throw new KeyFileFormatException($"The salt is {salt.Length} bytes; expected {SaltLength} to 64.");
        }

        var nonce = KeyFileJson.GetBase64(root, "nonce");
        if (nonce.Length != NonceLength)
        {
            throw new KeyFileFormatException($"The nonce is {nonce.Length} bytes; expected {NonceLength}.");
        }

        var ciphertext = KeyFileJson.GetBase64(root, "ct");
        if (ciphertext.Length < TagLength)
        {
            throw new KeyFileFormatException($"The ciphertext is {ciphertext.Length} bytes, shorter than its {TagLength}-byte tag: the file is truncated.");
        }

        return new PassphraseSealedBox(kdf, salt, nonce, ciphertext);
    }

    private static byte[] AssociatedData(ReadOnlySpan<byte> context, Argon2Parameters kdf, byte[] salt) =>
        new LengthPrefixedFields()
            .Add(context)
            .AddInt64(Version)
            .Add(KdfAlgorithm)
            .AddInt64(kdf.MemoryKiB)
            .AddInt64(kdf.Iterations)
            .AddInt64(kdf.Lanes)
            .Add(salt)
            .ToArray();
}
