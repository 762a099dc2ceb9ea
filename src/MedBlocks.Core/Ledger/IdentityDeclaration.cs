using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Ledger;

/// <summary>
/// <c>identity</c> body: binds an address (the author's own) to an RSA encryption key and a role.
/// No name or phone: only keys, role and, for organisations, a public label. A later declaration
/// for the same address is accepted only as a key rotation naming the current key's fingerprint.
/// </summary>
/// <param name="Address">Must equal the entry's author.</param>
/// <param name="Role">What the participant is.</param>
/// <param name="EncryptionKey">Base64 DER SubjectPublicKeyInfo of an RSA key, 2048 to 8192 bits.</param>
/// <param name="Label">Public label, organisations only.</param>
/// <param name="Rotates">Fingerprint (<see cref="ComputeFingerprint"/>) of the key this declaration replaces.</param>
public sealed record IdentityDeclaration(string Address, ParticipantRole Role, string EncryptionKey, string? Label = null, string? Rotates = null)
    : ILedgerBody
{
    public const int MinRsaBits = 2048;
    public const int MaxRsaBits = 8192;
    public const int MaxLabelLength = 64;

    private static readonly string[] Fields = ["address", "role", "enc", "label", "rotates"];

    public string Kind => LedgerEntryKinds.Identity;

    /// <summary>Fingerprint of <see cref="EncryptionKey"/>.</summary>
    public string EncryptionKeyFingerprint => ComputeFingerprint(Convert.FromBase64String(EncryptionKey));

    /// <summary>Fingerprint of an RSA SPKI as the card profile writes it: base64url (no padding) of SHA-256 of the DER.</summary>
    public static string ComputeFingerprint(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        Base64UrlOf(SHA256.HashData(subjectPublicKeyInfo));

    /// <exception cref="LedgerFormatException">The body is malformed.</exception>
    public static IdentityDeclaration Parse(JsonElement body)
    {
        var reader = BodyReader.Open(body, LedgerEntryKinds.Identity, Fields);
        var address = reader.RequiredAddress("address");
        if (!ParticipantRoles.TryParse(reader.RequiredString("role", 16), out var role))
        {
            throw new LedgerFormatException("An identity body's role is one of patient, practitioner, lab, app, emergency, site.");
        }

        var enc = reader.RequiredBase64("enc", 2048);
        CheckRsaKey(Convert.FromBase64String(enc));
        var label = reader.OptionalString("label", MaxLabelLength);
        if (label is not null)
        {
            if (!ParticipantRoles.IsOrganisation(role))
            {
                throw new LedgerFormatException("Only organisations (lab, app, emergency, site) may carry a label.");
            }

            if (label.Any(char.IsControl) || label.Trim().Length != label.Length)
            {
                throw new LedgerFormatException("An identity label has no control characters and no surrounding spaces.");
            }
        }

        var rotates = reader.OptionalString("rotates", 43);
        if (rotates is not null && !IsFingerprint(rotates))
        {
            throw new LedgerFormatException("An identity body's 'rotates' is a key fingerprint (43 base64url characters).");
        }

        return new IdentityDeclaration(address, role, enc, label, rotates);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["address"] = Address,
            ["role"] = ParticipantRoles.ToName(Role),
            ["enc"] = EncryptionKey,
        };
        if (Label is not null)
        {
            json["label"] = Label;
        }

        if (Rotates is not null)
        {
            json["rotates"] = Rotates;
        }

        return json;
    }

    private static void CheckRsaKey(byte[] spki)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(spki, out var read);
            if (read != spki.Length)
            {
                throw new LedgerFormatException("An identity's enc key has trailing bytes after the SPKI.");
            }

            if (rsa.KeySize is < MinRsaBits or > MaxRsaBits)
            {
                throw new LedgerFormatException($"An identity's RSA key has {rsa.KeySize} bits; {MinRsaBits} to {MaxRsaBits} are accepted.");
            }
        }
        catch (CryptographicException ex)
        {
            throw new LedgerFormatException("An identity's enc is not an RSA SubjectPublicKeyInfo.", ex);
        }
    }

    private static bool IsFingerprint(string text) =>
        text.Length == 43 && !text.AsSpan().ContainsAnyExcept(LedgerCharsets.Base64Url)
        && Base64UrlOf(FromBase64Url(text)) == text;

    private static string Base64UrlOf(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + "=");
}
