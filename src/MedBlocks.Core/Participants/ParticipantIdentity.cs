using System.Buffers.Text;
using System.Security.Cryptography;

namespace MedBlocks.Core.Participants;

/// <summary>
/// The public side of a participant: what an identity declaration carries and what others need to
/// verify its signatures and wrap record keys for it.
/// </summary>
public sealed record ParticipantIdentity
{
    private readonly byte[] _encryptionPublicKey;

    /// <param name="address">Base58 Ed25519 public key.</param>
    /// <param name="role">The participant's role.</param>
    /// <param name="encryptionPublicKey">RSA public key, SubjectPublicKeyInfo DER.</param>
    /// <param name="label">Public label of an organisation; null for patients.</param>
    /// <param name="isLegacy">Imported from the 2018 format: readable, never a recipient of new keys.</param>
    /// <exception cref="ArgumentException">The address, key or label is malformed.</exception>
    public ParticipantIdentity(string address, ParticipantRole role, ReadOnlySpan<byte> encryptionPublicKey, string? label = null, bool isLegacy = false)
    {
        if (!Ed25519Address.IsValid(address))
        {
            throw new ArgumentException("The address is not a base58 Ed25519 public key.", nameof(address));
        }

        _ = role.ToName();
        ParticipantLabel.Validate(role, label, nameof(label));
        EncryptionKeySize = RsaKeySizeOf(encryptionPublicKey);
        Address = address;
        Role = role;
        Label = label;
        IsLegacy = isLegacy;
        _encryptionPublicKey = encryptionPublicKey.ToArray();
        EncryptionKeyFingerprint = FingerprintOf(encryptionPublicKey);
    }

    public string Address { get; }

    public ParticipantRole Role { get; }

    public string? Label { get; }

    public bool IsLegacy { get; }

    /// <summary>RSA public key as SubjectPublicKeyInfo DER.</summary>
    public ReadOnlyMemory<byte> EncryptionPublicKey => _encryptionPublicKey;

    public int EncryptionKeySize { get; }

    /// <summary>SHA-256 of the SPKI DER, base64url without padding (the card identity's <c>enc</c> field).</summary>
    public string EncryptionKeyFingerprint { get; }

    /// <summary>Whether new record keys may be wrapped for this participant: never for legacy or sub-2048-bit keys.</summary>
    public bool AcceptsWrappedKeys => !IsLegacy && EncryptionKeySize >= Participant.MinimumRsaKeySize;

    /// <summary>SHA-256 of an RSA SubjectPublicKeyInfo, base64url without padding.</summary>
    public static string FingerprintOf(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(subjectPublicKeyInfo, digest);
        return Base64Url.EncodeToString(digest);
    }

    public bool Equals(ParticipantIdentity? other) =>
        other is not null
        && Address == other.Address
        && Role == other.Role
        && Label == other.Label
        && IsLegacy == other.IsLegacy
        && _encryptionPublicKey.AsSpan().SequenceEqual(other._encryptionPublicKey);

    public override int GetHashCode() => HashCode.Combine(Address, Role, Label, IsLegacy, EncryptionKeyFingerprint);

    private static int RsaKeySizeOf(ReadOnlySpan<byte> encryptionPublicKey)
    {
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(encryptionPublicKey, out var read);
            if (read != encryptionPublicKey.Length)
            {
                throw new ArgumentException("The encryption key has trailing bytes after its SubjectPublicKeyInfo.", nameof(encryptionPublicKey));
            }
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("The encryption key is not an RSA SubjectPublicKeyInfo.", nameof(encryptionPublicKey), e);
        }

        return rsa.KeySize;
    }
}
