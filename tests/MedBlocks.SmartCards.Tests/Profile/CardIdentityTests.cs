using System.Text;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class CardIdentityTests
{
    private const string Address = "7VfCXTUhzV8hLvMAbULLRDYtwCBVwwBNBrJ8VYg2Mu2K";
    private const string Enc = "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg";

    private static readonly CardIdentity Sample = new(Address, Enc, "Jenny Tällia", new DateOnly(2003, 2, 23), "female", "0123456789ABCDEF", new DateOnly(2026, 11, 25));

    private static string SampleJson =>
        $$"""{"v":2,"address":"{{Address}}","enc":"{{Enc}}","name":"Jenny Tällia","birthDate":"2003-02-23","sex":"female","serial":"0123456789ABCDEF","issued":"2026-11-25"}""";

    [Fact]
    public void ToJsonBytes_Sample_IsCompactUtf8InProfileOrder() => Assert.Equal(SampleJson, Encoding.UTF8.GetString(Sample.ToJsonBytes()));

    [Fact]
    public void Parse_SampleJson_ReturnsSample() => Assert.Equal(Sample, CardIdentity.Parse(Encoding.UTF8.GetBytes(SampleJson)));

    [Theory]
    [InlineData("{\"v\":3,")]
    [InlineData("{\"v\":\"2\",")]
    [InlineData("{\"v\":2,\"v\":2,")]
    [InlineData("{\"v\":2,\"extra\":\"x\",")]
    public void Parse_BadVersionOrMembers_ReportsCorruptContent(string replacementForStart)
    {
        var json = replacementForStart + SampleJson["{\"v\":2,".Length..];

        Assert.Equal(PatientCardError.CorruptContent, Assert.Throws<PatientCardException>(() => CardIdentity.Parse(Encoding.UTF8.GetBytes(json))).Error);
    }

    [Theory]
    [InlineData("\"sex\":\"female\"", "\"sex\":\"f\"")]
    [InlineData("\"birthDate\":\"2003-02-23\"", "\"birthDate\":\"23.02.2003\"")]
    [InlineData("\"serial\":\"0123456789ABCDEF\"", "\"serial\":\"0123456789abcdef\"")]
    [InlineData("\"address\":\"7V", "\"address\":\"0V")]
    [InlineData(",\"issued\":\"2026-11-25\"", "")]
    [InlineData("}", "}x")]
    public void Parse_BadField_ReportsCorruptContent(string from, string to)
    {
        var json = SampleJson.Replace(from, to, StringComparison.Ordinal);

        Assert.Equal(PatientCardError.CorruptContent, Assert.Throws<PatientCardException>(() => CardIdentity.Parse(Encoding.UTF8.GetBytes(json))).Error);
    }

    [Fact]
    public void Parse_NotJson_ReportsCorruptContent() =>
        Assert.Equal(PatientCardError.CorruptContent, Assert.Throws<PatientCardException>(() => CardIdentity.Parse([0xFF, 0x00, 0x7B])).Error);

    [Fact]
    public void ToJsonBytes_NameWithControlCharacter_Throws() =>
        Assert.Throws<ArgumentException>(() => (Sample with { Name = "Jenny\nTallia" }).ToJsonBytes());

    [Fact]
    public void ToJsonBytes_StaffCard_WritesRoleAfterSexAndParsesBack()
    {
        var staff = Sample with { Role = CardHolderRole.Paramedic };

        var json = Encoding.UTF8.GetString(staff.ToJsonBytes());

        Assert.Equal(SampleJson.Replace("\"sex\":\"female\",", "\"sex\":\"female\",\"role\":\"paramedic\",", StringComparison.Ordinal), json);
        Assert.Equal(staff, CardIdentity.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Parse_CardWithoutRole_IsAPatientCard() => Assert.Equal(CardHolderRole.Patient, CardIdentity.Parse(Encoding.UTF8.GetBytes(SampleJson)).Role);

    [Theory]
    [InlineData("\"role\":\"surgeon\",")]
    [InlineData("\"role\":\"Paramedic\",")]
    [InlineData("\"role\":1,")]
    [InlineData("\"role\":\"paramedic\",\"role\":\"paramedic\",")]
    public void Parse_BadRole_ReportsCorruptContent(string role)
    {
        var json = SampleJson.Replace("\"serial\"", role + "\"serial\"", StringComparison.Ordinal);

        Assert.Equal(PatientCardError.CorruptContent, Assert.Throws<PatientCardException>(() => CardIdentity.Parse(Encoding.UTF8.GetBytes(json))).Error);
    }
}
