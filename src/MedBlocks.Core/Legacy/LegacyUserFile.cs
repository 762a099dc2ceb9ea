using System.Security.Cryptography;
using System.Text.Json;
using MedBlocks.Core.Encoding;
using MedBlocks.Core.Participants;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace MedBlocks.Core.Legacy;

/// <summary>
/// Imports the 2018 clear-text <c>user.json</c>:
/// <c>{"name","phone","bigchain":{"private_key","public_key"},"rsa":{"private_key","public_key"}}</c> with
/// base58 Ed25519 keys (the private key is the 32-byte seed) and RSA keys as PEM (PKCS#1 private,
/// SubjectPublicKeyInfo public). Both key pairs are checked to match. The result is always legacy.
/// </summary>
public static class LegacyUserFile
{
    /// <summary>user.json files are well under a kilobyte; this bounds what is parsed.</summary>
    private const int MaxLength = 64 * 1024;

    /// <exception cref="LegacyFormatException">The file is malformed or a private key does not match its public key.</exception>
    public static LegacyUser Import(string json, ParticipantRole role = ParticipantRole.Patient)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            throw new LegacyFormatException($"The user file is {json.Length} characters; at most {MaxLength} are accepted.");
        }

        using var document = ParseJson(json);
        var root = document.RootElement;
        var name = GetString(root, "name", "name");
        var phone = GetString(root, "phone", "phone");
        var bigchain = GetObject(root, "bigchain");
        var rsaKeys = GetObject(root, "rsa");

        var seed = DecodeEd25519(GetString(bigchain, "private_key", "bigchain.private_key"), "bigchain.private_key");
        try
        {
            var publicKey = DecodeEd25519(GetString(bigchain, "public_key", "bigchain.public_key"), "bigchain.public_key");
            var derived = new byte[Ed25519.PublicKeySize];
            Ed25519.GeneratePublicKey(seed, 0, derived, 0);
            if (!CryptographicOperations.FixedTimeEquals(derived, publicKey))
            {
                throw new LegacyFormatException("bigchain.private_key does not belong to bigchain.public_key.");
            }

            var rsa = ImportRsa(
                GetString(rsaKeys, "private_key", "rsa.private_key"),
                GetString(rsaKeys, "public_key", "rsa.public_key"));
            Participant participant;
            try
            {
                participant = Participant.FromPrivateKeys(role, label: null, seed, rsa, isLegacy: true);
            }
            catch (ArgumentException e)
            {
                throw new LegacyFormatException($"The user file's keys are not acceptable: {e.Message}", e);
            }

            return new LegacyUser(participant, name, phone);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }
    }

    private static JsonDocument ParseJson(string json)
    {
        try
        {
            var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new LegacyFormatException("The user file is not a JSON object.");
            }

            return document;
        }
        catch (JsonException e)
        {
            throw new LegacyFormatException($"The user file is not valid JSON: {e.Message}", e);
        }
    }

    private static JsonElement GetObject(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            throw new LegacyFormatException($"The user file has no '{name}' object.");
        }

        return value;
    }

    private static string GetString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new LegacyFormatException($"The user file has no '{path}' string.");
        }

        return value.GetString()!;
    }

    private static byte[] DecodeEd25519(string base58, string path)
    {
        if (!Base58.TryDecode(base58, out var key) || key.Length != Ed25519.PublicKeySize)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new LegacyFormatException($"'{path}' is not a base58 32-byte Ed25519 key.");
        }

        return key;
    }

    private static RSA ImportRsa(string privatePem, string publicPem)
    {
        if (!privatePem.Contains("-----BEGIN RSA PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new LegacyFormatException("'rsa.private_key' is not a PKCS#1 PEM RSA private key.");
        }

        if (!publicPem.Contains("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal))
        {
            throw new LegacyFormatException("'rsa.public_key' is not a SubjectPublicKeyInfo PEM public key.");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(privatePem);
            using var declared = RSA.Create();
            declared.ImportFromPem(publicPem);
            var ours = rsa.ExportParameters(includePrivateParameters: false);
            var theirs = declared.ExportParameters(includePrivateParameters: false);
            if (!ours.Modulus.AsSpan().SequenceEqual(theirs.Modulus) || !ours.Exponent.AsSpan().SequenceEqual(theirs.Exponent))
            {
                throw new LegacyFormatException("rsa.private_key does not belong to rsa.public_key.");
            }

            return rsa;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            throw new LegacyFormatException("An RSA key in the user file is not valid PEM.", e);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }
}
