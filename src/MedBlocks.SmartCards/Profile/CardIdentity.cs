using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using MedBlocks.Core.Participants;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Identity file 01: compact UTF-8 JSON
/// <c>{"v":2,"address","enc","name","birthDate","sex","role"?,"serial","issued"}</c>, in that order.
/// <c>role</c> is written for staff cards only (registrar, practitioner, paramedic); a card without it
/// is a patient card, so cards issued before staff cards existed read unchanged.
/// Parsing is strict: every member exactly once (<c>role</c> at most once), no other member, correct types and forms.
/// </summary>
public sealed record CardIdentity(string Address, string EncryptionKeyFingerprint, string Name, DateOnly BirthDate, string Sex, string Serial, DateOnly Issued, CardHolderRole Role = CardHolderRole.Patient)
{
    public const int FormatVersion = 2;
    public const int MaxNameLength = 200;
    private const string RoleMember = "role";

    /// <summary>FHIR administrative gender codes.</summary>
    public static IReadOnlyList<string> SexCodes { get; } = ["female", "male", "other", "unknown"];

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    private static readonly string[] Members = ["v", "address", "enc", "name", "birthDate", "sex", "role", "serial", "issued"];

    /// <summary>Checks every field; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (!Ed25519Address.IsValid(Address))
        {
            throw new ArgumentException("address is not a base58 Ed25519 public key.", nameof(Address));
        }

        if (EncryptionKeyFingerprint is not { Length: 43 } || EncryptionKeyFingerprint.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new ArgumentException("enc is not a base64url SHA-256 fingerprint (43 characters).", nameof(EncryptionKeyFingerprint));
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength || Name.Any(char.IsControl) || Name != Name.Trim())
        {
            throw new ArgumentException($"name must be 1..{MaxNameLength} characters, trimmed, without control characters.", nameof(Name));
        }

        if (!SexCodes.Contains(Sex))
        {
            throw new ArgumentException("sex must be female, male, other or unknown.", nameof(Sex));
        }

        if (Serial is not { Length: 16 } || Serial.Any(c => !char.IsAsciiHexDigitUpper(c) && !char.IsAsciiDigit(c)))
        {
            throw new ArgumentException("serial must be 16 upper-case hex digits.", nameof(Serial));
        }

        if (!Enum.IsDefined(Role))
        {
            throw new ArgumentException("role is not a card holder role.", nameof(Role));
        }

        if (BirthDate > Issued)
        {
            throw new ArgumentException("birthDate is after the issue date.", nameof(BirthDate));
        }
    }

    /// <summary>The compact UTF-8 JSON of the identity file.</summary>
    public byte[] ToJsonBytes()
    {
        Validate();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", FormatVersion);
            writer.WriteString("address", Address);
            writer.WriteString("enc", EncryptionKeyFingerprint);
            writer.WriteString("name", Name);
            writer.WriteString("birthDate", FormatDate(BirthDate));
            writer.WriteString("sex", Sex);
            if (Role.IsStaff())
            {
                writer.WriteString(RoleMember, Role.ToName());
            }

            writer.WriteString("serial", Serial);
            writer.WriteString("issued", FormatDate(Issued));
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <exception cref="PatientCardException">CorruptContent: not the identity JSON of this profile.</exception>
    public static CardIdentity Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 2 });
            Expect(reader.Read() && reader.TokenType == JsonTokenType.StartObject, "an object");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                Expect(Array.IndexOf(Members, name) >= 0, $"a known member, not \"{name}\"");
                Expect(!values.ContainsKey(name), $"\"{name}\" once");
                Expect(reader.Read(), "a value");
                if (name == "v")
                {
                    Expect(reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v) && v == FormatVersion, $"v = {FormatVersion}");
                    values[name] = "2";
                }
                else
                {
                    Expect(reader.TokenType == JsonTokenType.String, $"\"{name}\" as a string");
                    values[name] = reader.GetString()!;
                }
            }

            Expect(reader.TokenType == JsonTokenType.EndObject && !reader.Read(), "nothing after the object");
            var role = CardHolderRole.Patient;
            if (values.TryGetValue(RoleMember, out var roleName))
            {
                Expect(CardHolderRoles.TryParse(roleName, out role), "role patient, registrar, practitioner or paramedic");
            }

            Expect(values.Count == Members.Length - (roleName is null ? 1 : 0), "every member");
            var identity = new CardIdentity(values["address"], values["enc"], values["name"], ParseDate(values["birthDate"]), values["sex"], values["serial"], ParseDate(values["issued"]), role);
            identity.Validate();
            return identity;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, $"The identity file is not valid: {e.Message}", e);
        }
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new FormatException($"expected {what}.");
        }
    }

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
