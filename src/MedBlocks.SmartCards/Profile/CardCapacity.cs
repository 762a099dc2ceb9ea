using MedBlocks.Core.Participants;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// EEPROM accounting of the profile on EV1 (32-byte blocks: an application costs a header block plus
/// 25 bytes per key; a file a header block plus its data, backup files twice; a cyclic record file
/// all its records) and the RSA size choice: 3072 where the card has room, else 2048.
/// </summary>
public static class CardCapacity
{
    private const int Block = PatientCardProfile.MemoryBlock;

    public static int ApplicationCost => Block + PatientCardProfile.RoundUp(PatientCardProfile.ApplicationKeyCount * 25);

    public static int StandardFileCost(int size) => Block + PatientCardProfile.RoundUp(size);

    public static int BackupFileCost(int size) => Block + (2 * PatientCardProfile.RoundUp(size));

    public static int AccessLogCost(int records) => Block + PatientCardProfile.RoundUp(records * PatientCardProfile.AccessLogRecordSize);

    /// <summary>Memory the whole application takes for these content lengths (without length prefixes).</summary>
    public static int Required(int identityLength, int keyMaterialLength, int emergencyLength, int accessLogRecords) =>
        ApplicationCost
        + StandardFileCost(CardInfo.Size)
        + BackupFileCost(PatientCardProfile.FileSizeFor(identityLength))
        + StandardFileCost(PatientCardProfile.FileSizeFor(keyMaterialLength))
        + BackupFileCost(PatientCardProfile.FileSizeFor(emergencyLength))
        + AccessLogCost(accessLogRecords);

    /// <summary>
    /// An upper estimate of the key material JSON for an RSA size: PKCS#8 RSA (≈ 9/16 × bits + 66 bytes)
    /// plus Ed25519 key, container and GCM tag, base64, plus the JSON frame with its Argon2 parameters.
    /// </summary>
    public static int EstimatedKeyMaterialLength(int rsaBits) => ((((rsaBits * 9 / 16) + 66 + 128) + 2) / 3 * 4) + 160;

    /// <summary>3072 when the estimate fits in <paramref name="freeMemory"/>, else 2048.</summary>
    public static int ChooseRsaKeySize(int freeMemory, int identityLength, int emergencyLength, int accessLogRecords) =>
        Required(identityLength, EstimatedKeyMaterialLength(Participant.DefaultRsaKeySize), emergencyLength, accessLogRecords) <= freeMemory
            ? Participant.DefaultRsaKeySize
            : Participant.MinimumRsaKeySize;
}
