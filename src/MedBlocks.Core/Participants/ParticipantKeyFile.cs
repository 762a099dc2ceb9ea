using System.Security.Cryptography;
using System.Text.Json;
using MedBlocks.Core.Encoding;
using MedBlocks.Core.Secrets;

namespace MedBlocks.Core.Participants;

/// <summary>
/// A participant's keys on disk, sealed under a passphrase:
/// <c>{"v":2,"kind":"medblocks.participant","role","label"?,"address","legacy"?,"kdf":{...},"nonce","ct"}</c>.
/// <c>label</c> appears only for organisations, <c>legacy</c> (true) only for imported 2018 participants.
/// The sealing is <see cref="PassphraseSealedBox"/>; its associated data binds v, kind, role, address,
/// label and the legacy flag (and the box binds the KDF parameters), so none can be swapped.
/// </summary>
public static class ParticipantKeyFile
{
    public const int Version = 2;
    public const string Kind = "medblocks.participant";

    /// <summary>The key file JSON (compact UTF-8) of <paramref name="participant"/>.</summary>
    public static string Seal(Participant participant, ReadOnlySpan<char> passphrase, Argon2Parameters kdf)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(kdf);
        var context = Context(participant.Role, participant.Address, participant.Label, participant.IsLegacy);
        var container = participant.ExportPrivateKeyContainer();
        PassphraseSealedBox box;
        try
        {
            box = PassphraseSealedBox.Seal(container, passphrase, kdf, context);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(container);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("kind", Kind);
            writer.WriteString("role", participant.Role.ToName());
            if (participant.Label is not null)
            {
                writer.WriteString("label", participant.Label);
            }

            writer.WriteString("address", participant.Address);
            if (participant.IsLegacy)
            {
                writer.WriteBoolean("legacy", true);
            }

            box.WriteFields(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Opens a key file.</summary>
    /// <exception cref="WrongPassphraseException">The passphrase is wrong or a bound field was altered.</exception>
    /// <exception cref="KeyFileFormatException">The file is malformed, truncated, or asks for refused KDF costs.</exception>
    public static Participant Open(string json, ReadOnlySpan<char> passphrase)
    {
        using var document = KeyFileJson.Parse(json);
        var root = document.RootElement;
        KeyFileJson.RequireVersion(root, Version);
        var kind = KeyFileJson.GetString(root, "kind");
        if (kind != Kind)
        {
            throw new KeyFileFormatException($"The file is a '{kind}', not a '{Kind}'.");
        }

        var roleName = KeyFileJson.GetString(root, "role");
        if (!ParticipantRoles.TryParse(roleName, out var role))
        {
            throw new KeyFileFormatException($"'{roleName}' is not a participant role.");
        }

        var address = KeyFileJson.GetString(root, "address");
        if (!Ed25519Address.IsValid(address))
        {
            throw new KeyFileFormatException("'address' is not a base58 Ed25519 public key.");
        }

        string? label = root.TryGetProperty("label", out _) ? KeyFileJson.GetString(root, "label") : null;
        var isLegacy = root.TryGetProperty("legacy", out _) && KeyFileJson.GetProperty(root, "legacy", JsonValueKind.True).GetBoolean();
        var box = PassphraseSealedBox.ReadFields(root);

        var container = box.Open(passphrase, Context(role, address, label, isLegacy));
        try
        {
            return Restore(container, role, label, address, isLegacy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(container);
        }
    }

    /// <summary>Rebuilds a participant from an opened container and checks it belongs to <paramref name="address"/>.</summary>
    internal static Participant Restore(ReadOnlySpan<byte> container, ParticipantRole role, string? label, string address, bool isLegacy)
    {
        var (seed, rsa) = ParticipantKeyContainer.Decode(container);
        Participant participant;
        try
        {
            participant = Participant.FromPrivateKeys(role, label, seed, rsa, isLegacy);
        }
        catch (ArgumentException e)
        {
            throw new KeyFileFormatException($"The sealed keys are not acceptable: {e.Message}", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
        }

        if (participant.Address != address)
        {
            participant.Dispose();
            throw new KeyFileFormatException("The sealed signing key does not belong to the file's address.");
        }

        return participant;
    }

    private static byte[] Context(ParticipantRole role, string address, string? label, bool isLegacy) =>
        new LengthPrefixedFields()
            .AddInt64(Version)
            .Add(Kind)
            .Add(role.ToName())
            .Add(address)
            .AddInt64(label is null ? 0 : 1)
            .Add(label ?? string.Empty)
            .AddInt64(isLegacy ? 1 : 0)
            .ToArray();
}
