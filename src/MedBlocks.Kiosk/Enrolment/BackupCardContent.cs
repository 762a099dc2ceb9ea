using System.Text;
using System.Text.Json;
using MedBlocks.Core.Secrets;

namespace MedBlocks.Kiosk.Enrolment;

/// <summary>
/// What a re-issued card carries besides the keys: identity and the signed emergency summary of the
/// latest card, sealed with the patient's recovery code (the same passphrase as the key file).
/// </summary>
public sealed record BackupCardContent(string Name, DateOnly BirthDate, string Sex, byte[] SignedEmergencySummary)
{
    private static readonly byte[] Context = "medblocks.kiosk.backup-card-content.v1"u8.ToArray();

    public string Seal(string passphrase, Argon2Parameters kdf)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Stored(Name, BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Sex, Convert.ToBase64String(SignedEmergencySummary)));
        try
        {
            return PassphraseSealedBox.Seal(json, passphrase, kdf, Context).ToJson();
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(json);
        }
    }

    /// <exception cref="WrongPassphraseException">The recovery code is wrong.</exception>
    public static BackupCardContent Open(string sealedJson, string passphrase)
    {
        var json = PassphraseSealedBox.Parse(sealedJson).Open(passphrase, Context);
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(Encoding.UTF8.GetString(json))
                ?? throw new InvalidDataException("The backup card content is empty.");
            return new BackupCardContent(stored.Name, DateOnly.ParseExact(stored.BirthDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stored.Sex, Convert.FromBase64String(stored.Summary));
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(json);
        }
    }

    private sealed record Stored(string Name, string BirthDate, string Sex, string Summary);
}
