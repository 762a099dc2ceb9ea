using System.Security.Cryptography;
using System.Text;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class AccessLogRecordTests
{
    [Fact]
    public void ToBytes_Sample_HasDocumentedLayout()
    {
        var record = new AccessLogRecord(DateTimeOffset.FromUnixTimeSeconds(0x6925A5E8), 0x1122334455667788, StationRole.Emergency, AccessLogAction.ReadEmergency);

        Assert.Equal("6925A5E8" + "1122334455667788" + "03" + "02" + new string('0', 36), Convert.ToHexString(record.ToBytes()));
    }

    [Fact]
    public void StationIdOf_Address_IsFirstEightBytesOfSha256()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("kiosk-reception-1"));

        Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash), AccessLogRecord.StationIdOf("kiosk-reception-1"));
    }

    [Fact]
    public void ParseMany_TwoRecords_RoundTrips()
    {
        var first = new AccessLogRecord(DateTimeOffset.FromUnixTimeSeconds(1_764_000_000), 1, StationRole.CheckIn, AccessLogAction.ReadIdentity);
        var second = first with { Action = AccessLogAction.Grant };

        Assert.Equal([first, second], AccessLogRecord.ParseMany([.. first.ToBytes(), .. second.ToBytes()]));
    }

    [Fact]
    public void Parse_UnknownAction_ReportsCorruptContent()
    {
        var bytes = new AccessLogRecord(DateTimeOffset.UnixEpoch, 1, StationRole.CheckIn, AccessLogAction.Write).ToBytes();
        bytes[13] = 0x7F;

        Assert.Equal(PatientCardError.CorruptContent, Assert.Throws<PatientCardException>(() => AccessLogRecord.Parse(bytes)).Error);
    }

    [Fact]
    public void ToBytes_Refusal_IsASharingDecisionWithDetailOneAndRoundTrips()
    {
        var refusal = new AccessLogRecord(DateTimeOffset.FromUnixTimeSeconds(0x6925A5E8), 0x1122334455667788, StationRole.CheckIn, AccessLogAction.Refuse);

        var bytes = refusal.ToBytes();

        Assert.Equal("6925A5E8" + "1122334455667788" + "02" + "03" + "01" + new string('0', 34), Convert.ToHexString(bytes));
        Assert.Equal(refusal, AccessLogRecord.Parse(bytes));
    }

    [Fact]
    public void Parse_RefusalByAReaderThatKnowsOnlyByte13_ReadsTheSharingDecisionAsBefore()
    {
        var bytes = new AccessLogRecord(DateTimeOffset.UnixEpoch, 1, StationRole.CheckIn, AccessLogAction.Refuse).ToBytes();

        // A reader before refusals were told apart looks at byte 13 only, and finds an action it knows.
        Assert.Equal(AccessLogAction.Grant, (AccessLogAction)bytes[13]);
        Assert.True(bytes[15..].All(b => b == 0));
    }

    [Theory]
    [InlineData("6925A5E8" + "0000000000000001" + "02" + "03" + "000000000000000000000000000000000000", AccessLogAction.Grant)]
    [InlineData("6925A5E8" + "0000000000000001" + "02" + "01" + "000000000000000000000000000000000000", AccessLogAction.ReadIdentity)]
    [InlineData("6925A5E8" + "0000000000000001" + "01" + "04" + "000000000000000000000000000000000000", AccessLogAction.Write)]
    public void Parse_RecordsWrittenBeforeRefusals_ReadUnchanged(string hex, AccessLogAction action) =>
        Assert.Equal(action, AccessLogRecord.Parse(Convert.FromHexString(hex)).Action);

    [Fact]
    public void Parse_RefuseValueInTheActionByte_ReportsCorruptContent()
    {
        var bytes = new AccessLogRecord(DateTimeOffset.UnixEpoch, 1, StationRole.CheckIn, AccessLogAction.Write).ToBytes();
        bytes[13] = (byte)AccessLogAction.Refuse;

        Assert.Equal(PatientCardError.CorruptContent, Assert.Throws<PatientCardException>(() => AccessLogRecord.Parse(bytes)).Error);
    }

    [Fact]
    public void ParseMany_PartialRecord_ReportsCorruptContent() =>
        Assert.Equal(PatientCardError.CorruptContent, Assert.Throws<PatientCardException>(() => AccessLogRecord.ParseMany(new byte[40])).Error);

    [Fact]
    public void ToBytes_TimeBefore1970_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AccessLogRecord(DateTimeOffset.UnixEpoch.AddSeconds(-1), 1, StationRole.CheckIn, AccessLogAction.Write).ToBytes());
}
