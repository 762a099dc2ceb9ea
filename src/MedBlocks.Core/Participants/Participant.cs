using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace MedBlocks.Core.Participants;

/// <summary>
/// A participant's private keys: an Ed25519 signing key (its base58 public key is the address) and an
/// RSA key that record keys are wrapped for. Private keys never leave this type in clear; they are
/// persisted only sealed (<see cref="ParticipantKeyFile"/>, <see cref="CardKeyMaterial"/>).
/// </summary>
/// <remarks>
/// The Ed25519 seed is held in a pinned array of ours and signed with BouncyCastle's RFC 8032
/// implementation directly, so <see cref="Dispose"/> can zero it; the RSA key lives in the platform
/// provider and is freed on dispose.
/// </remarks>
public sealed class Participant : IEntrySigner, IDisposable
{
    public const int DefaultRsaKeySize = 3072;
    public const int MinimumRsaKeySize = 2048;
    public const int LegacyRsaKeySize = 1024;

    private readonly byte[] _seed;
    private readonly byte[] _publicKey;
    private readonly byte[] _encryptionPublicKey;
    private readonly RSA _rsa;
    private bool _disposed;

    private Participant(ParticipantRole role, string? label, byte[] pinnedSeed, RSA rsa, bool isLegacy)
    {
        _seed = pinnedSeed;
        _rsa = rsa;
        _publicKey = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(_seed, 0, _publicKey, 0);
        _encryptionPublicKey = rsa.ExportSubjectPublicKeyInfo();
        Role = role;
        Label = label;
        IsLegacy = isLegacy;
        Address = Ed25519Address.FromPublicKey(_publicKey);
        EncryptionKeyFingerprint = ParticipantIdentity.FingerprintOf(_encryptionPublicKey);
        PublicIdentity = new ParticipantIdentity(Address, role, _encryptionPublicKey, label, isLegacy);
    }

    /// <summary>RSA sizes a new (non-legacy) participant may have.</summary>
    public static IReadOnlyList<int> SupportedRsaKeySizes { get; } = [2048, 3072, 4096];

    public string Address { get; }

    public ParticipantRole Role { get; }

    public string? Label { get; }

    /// <summary>Imported from the 2018 format: may read (unwrap, decrypt), never sign or receive new wrapped keys.</summary>
    public bool IsLegacy { get; }

    public int EncryptionKeySize => _rsa.KeySize;

    /// <summary>RSA public key as SubjectPublicKeyInfo DER.</summary>
    public ReadOnlyMemory<byte> EncryptionPublicKey => _encryptionPublicKey;

    /// <summary>SHA-256 of <see cref="EncryptionPublicKey"/>, base64url without padding.</summary>
    public string EncryptionKeyFingerprint { get; }

    public ParticipantIdentity PublicIdentity { get; }

    /// <summary>Whether record keys may be wrapped for this participant (never for a legacy one).</summary>
    public bool AcceptsWrappedKeys => PublicIdentity.AcceptsWrappedKeys;

    /// <summary>The RSA key, for unwrapping inside this assembly only.</summary>
    internal RSA EncryptionKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _rsa;
        }
    }

    /// <summary>A new participant with fresh random keys.</summary>
    /// <param name="role">The participant's role.</param>
    /// <param name="rsaBits">2048, 3072 (default) or 4096.</param>
    /// <param name="label">Public label of an organisation; must be null for a patient.</param>
    /// <exception cref="ArgumentOutOfRangeException">An RSA size other than 2048, 3072 or 4096.</exception>
    public static Participant Create(ParticipantRole role, int rsaBits = DefaultRsaKeySize, string? label = null)
    {
        _ = role.ToName();
        if (!SupportedRsaKeySizes.Contains(rsaBits))
        {
            throw new ArgumentOutOfRangeException(nameof(rsaBits), rsaBits, "RSA keys of 2048, 3072 or 4096 bits are supported for new participants.");
        }

        ParticipantLabel.Validate(role, label, nameof(label));
        var seed = GC.AllocateArray<byte>(Ed25519.SecretKeySize, pinned: true);
        RandomNumberGenerator.Fill(seed);
        return new Participant(role, label, seed, RSA.Create(rsaBits), isLegacy: false);
    }

    /// <summary>
    /// This participant's signing key (same address) with a fresh RSA key, not legacy: how a legacy
    /// participant migrates. The rotation is then declared on the ledger under the same address.
    /// </summary>
    public Participant WithNewEncryptionKey(int rsaBits = DefaultRsaKeySize)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!SupportedRsaKeySizes.Contains(rsaBits))
        {
            throw new ArgumentOutOfRangeException(nameof(rsaBits), rsaBits, "RSA keys of 2048, 3072 or 4096 bits are supported for new participants.");
        }

        return FromPrivateKeys(Role, Label, _seed, RSA.Create(rsaBits), isLegacy: false);
    }

    /// <summary>Signs with the Ed25519 key.</summary>
    /// <exception cref="LegacyParticipantException">The participant is legacy and may not write.</exception>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (IsLegacy)
        {
            throw new LegacyParticipantException("A legacy participant cannot sign; migrate it with WithNewEncryptionKey first.");
        }

        var signature = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(_seed, 0, _publicKey, 0, message.ToArray(), 0, message.Length, signature, 0);
        return signature;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CryptographicOperations.ZeroMemory(_seed);
        _rsa.Dispose();
    }

    /// <summary>
    /// Builds a participant from private keys. The seed is copied; the RSA key is owned from here on
    /// (disposed on failure too). 1024-bit RSA is accepted only for a legacy participant.
    /// </summary>
    /// <exception cref="ArgumentException">The seed or RSA size is not acceptable.</exception>
    internal static Participant FromPrivateKeys(ParticipantRole role, string? label, ReadOnlySpan<byte> seed, RSA rsa, bool isLegacy)
    {
        try
        {
            if (seed.Length != Ed25519.SecretKeySize)
            {
                throw new ArgumentException("An Ed25519 private key is a 32-byte seed.", nameof(seed));
            }

            var sizeAccepted = SupportedRsaKeySizes.Contains(rsa.KeySize) || (isLegacy && rsa.KeySize >= LegacyRsaKeySize && rsa.KeySize <= 4096);
            if (!sizeAccepted)
            {
                throw new ArgumentException(
                    isLegacy
                        ? $"A {rsa.KeySize}-bit RSA key is outside 1024..4096 bits."
                        : $"A {rsa.KeySize}-bit RSA key is not accepted; 2048, 3072 or 4096 bits are (1024 only for legacy imports).",
                    nameof(rsa));
            }

            _ = role.ToName();
            ParticipantLabel.Validate(role, label, nameof(label));
            var pinnedSeed = GC.AllocateArray<byte>(Ed25519.SecretKeySize, pinned: true);
            seed.CopyTo(pinnedSeed);
            return new Participant(role, label, pinnedSeed, rsa, isLegacy);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    /// <summary>The private keys in a pinned container for sealing; the caller zeroes it.</summary>
    internal byte[] ExportPrivateKeyContainer()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ParticipantKeyContainer.Encode(_seed, _rsa);
    }
}
