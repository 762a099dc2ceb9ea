using System.Buffers.Binary;
using System.Security.Cryptography;

namespace MedBlocks.SmartCards.Profile;

/// <summary>
/// One access log record, file 04 (32 bytes, big-endian): <c>u32 unix seconds | 8-byte station id |
/// role | action | detail | 17 reserved (zero)</c>. The station id is the first 8 bytes of SHA-256 of the
/// station's ledger address (UTF-8). A refusal is written as action 3 (a sharing decision, read as a grant
/// by readers that predate refusals, as refusals always were) with detail 1; detail 0 is a grant, and the
/// detail of other actions is zero and ignored.
/// </summary>
public sealed record AccessLogRecord(DateTimeOffset Time, ulong StationId, StationRole Role, AccessLogAction Action)
{
    public const int Size = PatientCardProfile.AccessLogRecordSize;

    private const int ActionOffset = 13;
    private const int DetailOffset = 14;
    private const byte RefusalDetail = 1;

    public static ulong StationIdOf(string stationAddress)
    {
        ArgumentException.ThrowIfNullOrEmpty(stationAddress);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stationAddress), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    public byte[] ToBytes()
    {
        var seconds = Time.ToUnixTimeSeconds();
        if (seconds is < 0 or > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(Time), Time, "The access log holds times from 1970 to 2106.");
        }

        var data = new byte[Size];
        BinaryPrimitives.WriteUInt32BigEndian(data, (uint)seconds);
        BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(4), StationId);
        data[12] = (byte)Role;
        if (Action == AccessLogAction.Refuse)
        {
            data[ActionOffset] = (byte)AccessLogAction.Grant;
            data[DetailOffset] = RefusalDetail;
        }
        else if (Enum.IsDefined(Action))
        {
            data[ActionOffset] = (byte)Action;
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(Action), Action, "Not an access log action of the profile.");
        }

        return data;
    }

    /// <exception cref="PatientCardException">CorruptContent: not a record of this profile.</exception>
    public static AccessLogRecord Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size || !Enum.IsDefined((StationRole)data[12]) || data[ActionOffset] is < (byte)AccessLogAction.ReadIdentity or > (byte)AccessLogAction.ReadEmergencyRecords)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, "An access log record is not in the profile's format.");
        }

        var action = (AccessLogAction)data[ActionOffset];
        if (action == AccessLogAction.Grant && data[DetailOffset] == RefusalDetail)
        {
            action = AccessLogAction.Refuse;
        }

        return new AccessLogRecord(
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(data)),
            BinaryPrimitives.ReadUInt64BigEndian(data[4..]),
            (StationRole)data[12],
            action);
    }

    /// <summary>Splits a ReadRecords answer (oldest first) into records.</summary>
    public static IReadOnlyList<AccessLogRecord> ParseMany(ReadOnlySpan<byte> data)
    {
        if (data.Length % Size != 0)
        {
            throw new PatientCardException(PatientCardError.CorruptContent, $"The access log answer of {data.Length} bytes is not whole records.");
        }

        var records = new List<AccessLogRecord>(data.Length / Size);
        for (var offset = 0; offset < data.Length; offset += Size)
        {
            records.Add(Parse(data.Slice(offset, Size)));
        }

        return records;
    }
}
