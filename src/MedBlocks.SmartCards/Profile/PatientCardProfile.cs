using MedBlocks.SmartCards.Desfire;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// The MedBlocks patient card profile, version 2: application, keys, file table and access rights.
/// Variable-length files (01, 02, 03) hold <c>u16 big-endian length ‖ content ‖ zero padding</c>,
/// because each file is created at its content size rounded up to the 32-byte EEPROM block.
/// </summary>
public static class PatientCardProfile
{
    /// <summary>The profile version written in byte 2 of the card info file.</summary>
    public const byte Version = 2;

    /// <summary>"MedBlocks": the system identifier of AN10922 diversification.</summary>
    public const string SystemIdentifier = "MedBlocks";

    public const int ApplicationKeyCount = 5;

    public const byte ApplicationMasterKey = 0;
    public const byte WriteKey = 1;
    public const byte ReadKey = 2;
    public const byte EmergencyKey = 3;

    /// <summary>K4 holds no right; it is set to a random key that is discarded, so nobody can use it.</summary>
    public const byte ReservedKey = 4;

    /// <summary>Version of every diversified profile key; a new application's keys are at version 0.</summary>
    public const byte KeyVersion = 1;

    public const byte CardInfoFile = 0x00;
    public const byte IdentityFile = 0x01;
    public const byte KeyMaterialFile = 0x02;
    public const byte EmergencySummaryFile = 0x03;
    public const byte AccessLogFile = 0x04;

    public const int AccessLogRecordSize = 32;
    public const int AccessLogRecords4K = 10;
    public const int AccessLogRecords8K = 50;

    /// <summary>Card EEPROM is allocated in 32-byte blocks; files are sized to their content rounded up to this.</summary>
    public const int MemoryBlock = 32;

    /// <summary>Length prefix of the variable-length files.</summary>
    public const int LengthPrefixSize = 2;

    /// <summary>PICC key settings after personalisation: master key and configuration changeable; listing and create/delete need the PICC master.</summary>
    public const byte PiccKeySettings = 0x09;

    /// <summary>Application key settings: keys changeable with K0, configuration changeable, listing and file create/delete need K0.</summary>
    public const byte ApplicationKeySettings = 0x09;

    /// <summary>NXP's vendor byte in GetVersion.</summary>
    public const byte NxpVendor = 0x04;

    public const int MinimumStorage = 4096;

    /// <summary>
    /// Card PIN Argon2id cost for production cards: 64 MiB, 3 passes, 1 lane, chosen for roughly half a
    /// second per try on a kiosk; a card carries its own parameters, so this can change per issue.
    /// </summary>
    public static MedBlocks.Core.Secrets.Argon2Parameters PinKdf { get; } = new(65536, 3, 1);

    /// <summary>AID 0x4D4231 ("MB1"), on the wire 31 42 4D.</summary>
    public static DesfireAid Application { get; } = new(0x4D4231);

    public static DesfireCommMode CardInfoCommMode => DesfireCommMode.Plain;

    public static DesfireCommMode IdentityCommMode => DesfireCommMode.Enciphered;

    public static DesfireCommMode KeyMaterialCommMode => DesfireCommMode.Enciphered;

    public static DesfireCommMode EmergencySummaryCommMode => DesfireCommMode.Enciphered;

    public static DesfireCommMode AccessLogCommMode => DesfireCommMode.Maced;

    /// <summary>File 00: read free, write K1, read&amp;write K1, change K0.</summary>
    public static AccessRights CardInfoRights { get; } = new(AccessRights.Free, WriteKey, WriteKey, ApplicationMasterKey);

    /// <summary>File 01: read K2, write K1, read&amp;write K1, change K0.</summary>
    public static AccessRights IdentityRights { get; } = new(ReadKey, WriteKey, WriteKey, ApplicationMasterKey);

    /// <summary>File 02: read K2, write K1, read&amp;write K1, change K0.</summary>
    public static AccessRights KeyMaterialRights { get; } = new(ReadKey, WriteKey, WriteKey, ApplicationMasterKey);

    /// <summary>File 03: read K3, write K1, read&amp;write K1, change K0.</summary>
    public static AccessRights EmergencySummaryRights { get; } = new(EmergencyKey, WriteKey, WriteKey, ApplicationMasterKey);

    /// <summary>File 04: read K2, write K2, read&amp;write K3, change K0.</summary>
    public static AccessRights AccessLogRights { get; } = new(ReadKey, ReadKey, EmergencyKey, ApplicationMasterKey);

    /// <summary>Access log capacity for a card of <paramref name="storageBytes"/> nominal EEPROM.</summary>
    public static int AccessLogCapacity(int storageBytes) => storageBytes >= 8192 ? AccessLogRecords8K : AccessLogRecords4K;

    /// <summary>The file size for <paramref name="contentLength"/> bytes behind the length prefix, rounded up to a block.</summary>
    public static int FileSizeFor(int contentLength) => RoundUp(contentLength + LengthPrefixSize);

    public static int RoundUp(int size) => (size + MemoryBlock - 1) / MemoryBlock * MemoryBlock;

    /// <summary>The file image <c>u16 BE length ‖ content ‖ zeros</c> of <see cref="FileSizeFor"/> bytes.</summary>
    public static byte[] ToFileImage(ReadOnlySpan<byte> content) => ToFileImage(content, FileSizeFor(content.Length));

    /// <summary>The file image <c>u16 BE length ‖ content ‖ zeros</c> of <paramref name="fileSize"/> bytes (a file with room to spare).</summary>
    public static byte[] ToFileImage(ReadOnlySpan<byte> content, int fileSize)
    {
        if (content.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"Card file content is at most {ushort.MaxValue} bytes; got {content.Length}.", nameof(content));
        }

        if (fileSize < FileSizeFor(content.Length))
        {
            throw new ArgumentOutOfRangeException(nameof(fileSize), fileSize, $"{content.Length} bytes of content need a file of {FileSizeFor(content.Length)} bytes.");
        }

        var image = new byte[fileSize];
        image[0] = (byte)(content.Length >> 8);
        image[1] = (byte)content.Length;
        content.CopyTo(image.AsSpan(LengthPrefixSize));
        return image;
    }

    /// <summary>The content of a file image; null when the length prefix does not fit the file.</summary>
    public static byte[]? FromFileImage(ReadOnlySpan<byte> image)
    {
        if (image.Length < LengthPrefixSize)
        {
            return null;
        }

        var length = (image[0] << 8) | image[1];
        return length == 0 || length > image.Length - LengthPrefixSize ? null : image.Slice(LengthPrefixSize, length).ToArray();
    }
}
