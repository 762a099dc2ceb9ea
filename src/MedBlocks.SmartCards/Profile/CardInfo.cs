using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// Card info, file 00 (32 bytes, plain, free read). It is written last, after every other file is
/// committed and verified, so a card without a valid card info is not issued. Layout (big-endian):
/// <code>
/// 0  2  magic "MB"
/// 2  1  profile version (2)
/// 3  1  state (0x01 issued)
/// 4  8  card serial
/// 12 4  issuer id
/// 16 4  issue date (days since 0001-01-01, DateOnly.DayNumber)
/// 20 2  identity length (file 01 content, without its length prefix)
/// 22 2  key material length (file 02)
/// 24 2  emergency summary length (file 03, compressed)
/// 26 2  reserved, zero
/// 28 4  check: first 4 bytes of SHA-256 over bytes 0..27
/// </code>
/// The content lengths let a reader fetch each file with one exact-length ReadData.
/// </summary>
public sealed record CardInfo(byte ProfileVersion, ulong CardSerial, uint IssuerId, DateOnly IssueDate, ushort IdentityLength, ushort KeyMaterialLength, ushort EmergencySummaryLength)
{
    public const int Size = 32;
    public const byte IssuedState = 0x01;
    private const int CheckOffset = 28;

    /// <summary>The serial as the identity file shows it: 16 upper-case hex digits.</summary>
    public string SerialText => FormatSerial(CardSerial);

    public static string FormatSerial(ulong serial) => serial.ToString("X16", System.Globalization.CultureInfo.InvariantCulture);

    public byte[] ToBytes()
    {
        var data = new byte[Size];
        data[0] = (byte)'M';
        data[1] = (byte)'B';
        data[2] = ProfileVersion;
        data[3] = IssuedState;
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(4), CardSerial);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(12), IssuerId);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(16), (uint)IssueDate.DayNumber);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(20), IdentityLength);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(22), KeyMaterialLength);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(24), EmergencySummaryLength);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data.AsSpan(0, CheckOffset), hash);
        hash[..4].CopyTo(data.AsSpan(CheckOffset));
        return data;
    }

    /// <summary>Parses file 00.</summary>
    /// <exception cref="PatientCardException">NotIssued for anything but a complete issued card info; UnknownProfileVersion for another version.</exception>
    public static CardInfo Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < Size || data[0] != 'M' || data[1] != 'B')
        {
            throw new PatientCardException(PatientCardError.NotIssued, "The card carries no MedBlocks card info: personalisation did not complete.");
        }

        if (data[2] != PatientCardProfile.Version)
        {
            throw new PatientCardException(PatientCardError.UnknownProfileVersion, $"The card has MedBlocks profile version {data[2]}; this station reads version {PatientCardProfile.Version}.");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data[..CheckOffset], hash);
        if (data[3] != IssuedState || !hash[..4].SequenceEqual(data.Slice(CheckOffset, 4)) || data[26..CheckOffset].ContainsAnyExcept((byte)0))
        {
            throw new PatientCardException(PatientCardError.NotIssued, "The card info is incomplete or damaged: the card is not issued.");
        }

        var day = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        if (day > (uint)DateOnly.MaxValue.DayNumber)
        {
            throw new PatientCardException(PatientCardError.NotIssued, "The card info carries an impossible issue date.");
        }

        return new CardInfo(
            data[2],
            BinaryPrimitives.ReadUInt64BigEndian(data[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(data[12..]),
            DateOnly.FromDayNumber((int)day),
            BinaryPrimitives.ReadUInt16BigEndian(data[20..]),
            BinaryPrimitives.ReadUInt16BigEndian(data[22..]),
            BinaryPrimitives.ReadUInt16BigEndian(data[24..]));
    }
}
