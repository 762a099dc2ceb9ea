using System.Text;
using MedBlocks.SmartCards.Profile;
using Xunit.Abstractions;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class EmergencySummaryTests(ITestOutputHelper output)
{
    private static readonly string Author = PatientCardTestKit.Doctor.Address;

    private static readonly string[] SampleNames = ["minimal", "none known", "typical", "large"];

    public static TheoryData<string> Samples => [.. SampleNames];

    private static EmergencySummary Sample(string name) => name switch
    {
        "minimal" => EmergencySummarySamples.Minimal(Author),
        "none known" => EmergencySummarySamples.AllNoneKnown(Author),
        "typical" => EmergencySummarySamples.Typical(Author),
        _ => EmergencySummarySamples.Large(Author),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void ParseSigned_SignedByAuthor_RoundTripsEveryField(string sample)
    {
        var summary = Sample(sample);

        var parsed = EmergencySummary.ParseSigned(summary.Sign(PatientCardTestKit.Doctor));

        Assert.Equal(summary, parsed);
        Assert.Equal(summary.ToJsonBytes(), parsed.ToJsonBytes());
    }

    [Fact]
    public void ParseSigned_Typical_KeepsTypedValues()
    {
        var parsed = EmergencySummary.ParseSigned(EmergencySummarySamples.Typical(Author).Sign(PatientCardTestKit.Doctor));

        Assert.Equal(new EmergencyAllergy("penicillin", "anaphylaxis", AllergyCriticality.High), parsed.Allergies[0]);
        Assert.True(parsed.Allergies[2].Intolerance);
        Assert.Equal(PregnancyStatus.NotPregnant, parsed.Pregnancy);
        Assert.Equal(OrganDonation.Donor, parsed.OrganDonation);
        Assert.Equal(81.5m, parsed.Baseline.WeightKg);
        Assert.Equal(["dual-chamber pacemaker (MRI conditional)"], parsed.Devices);
    }

    [Fact]
    public void ToJsonBytes_NoneKnown_WritesExplicitMarkerAndOmitsNotRecorded()
    {
        var summary = EmergencySummarySamples.Minimal(Author) with { AllergiesNoneKnown = true, DevicesNoneKnown = true };

        Assert.Equal(
            $$"""{"v":2,"allergies":"noneKnown","devices":"noneKnown","author":"{{Author}}","date":"2026-11-25"}""",
            Encoding.UTF8.GetString(summary.ToJsonBytes()));
    }

    [Theory]
    [InlineData("allergies")]
    [InlineData("medications")]
    [InlineData("problems")]
    [InlineData("devices")]
    public void ParseSigned_EachNoneKnown_DistinctFromNotRecorded(string section)
    {
        var json = Encoding.UTF8.GetBytes($$"""{"v":2,"{{section}}":"noneKnown","author":"{{Author}}","date":"2026-11-25"}""");

        var parsed = EmergencySummary.ParseSigned([.. json, .. PatientCardTestKit.Doctor.Sign(json)]);

        Assert.Equal([section == "allergies", section == "medications", section == "problems", section == "devices"], new[] { parsed.AllergiesNoneKnown, parsed.MedicationsNoneKnown, parsed.ProblemsNoneKnown, parsed.DevicesNoneKnown });
        Assert.NotEqual(EmergencySummarySamples.Minimal(Author), parsed);
    }

    [Fact]
    public void ParseSigned_Version1AsWrittenByEarlierCards_StillReads()
    {
        var json = Encoding.UTF8.GetBytes($$"""{"v":1,"allergies":{"noneKnown":false,"items":["penicillin (anaphylaxis)","latex"]},"medications":[{"name":"metformin","dose":"500 mg twice daily"}],"problems":["type 2 diabetes"],"resuscitation":"dnr","bloodGroupInformational":"A+","contacts":[{"name":"Sam Tallia","relation":"partner","phone":"+44 20 7946 0958"}],"author":"{{Author}}","date":"2026-11-25"}""");

        var parsed = EmergencySummary.ParseSigned([.. json, .. PatientCardTestKit.Doctor.Sign(json)]);

        Assert.Equal([EmergencyAllergy.FromSubstance("penicillin (anaphylaxis)"), EmergencyAllergy.FromSubstance("latex")], parsed.Allergies);
        Assert.Equal(ResuscitationStatus.DoNotResuscitate, parsed.Resuscitation);
        Assert.Equal(PregnancyStatus.NotRecorded, parsed.Pregnancy);
        Assert.Empty(parsed.Devices);
        Assert.StartsWith("{\"v\":2,", Encoding.UTF8.GetString(parsed.ToJsonBytes()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"v":3,"author":"A","date":"2026-11-25"}""")]
    [InlineData("""{"v":2,"allergies":[],"author":"A","date":"2026-11-25"}""")]
    [InlineData("""{"v":2,"allergies":"none","author":"A","date":"2026-11-25"}""")]
    [InlineData("""{"v":2,"pregnancy":"maybe","author":"A","date":"2026-11-25"}""")]
    [InlineData("""{"v":2,"bloodGroupInformational":"C+","author":"A","date":"2026-11-25"}""")]
    [InlineData("""{"v":2,"baseline":{"systolic":120},"author":"A","date":"2026-11-25"}""")]
    [InlineData("""{"v":2,"baseline":{},"author":"A","date":"2026-11-25"}""")]
    [InlineData("""{"v":2,"allergies":[{"substance":"x","colour":"red"}],"author":"A","date":"2026-11-25"}""")]
    [InlineData("""{"v":2,"author":"A","author":"A","date":"2026-11-25"}""")]
    [InlineData("""{"v":2,"implants":["x"],"author":"A","date":"2026-11-25"}""")]
    [InlineData("""{"v":2,"author":"A"}""")]
    public void ParseSigned_Malformed_ReportsCorruptContent(string template)
    {
        var json = Encoding.UTF8.GetBytes(template.Replace("\"A\"", $"\"{Author}\"", StringComparison.Ordinal));

        Assert.Equal(PatientCardError.CorruptContent, Assert.Throws<PatientCardException>(() => EmergencySummary.ParseSigned([.. json, .. PatientCardTestKit.Doctor.Sign(json)])).Error);
    }

    [Fact]
    public void ParseSigned_OneByteChanged_ReportsBadSignature()
    {
        var signed = EmergencySummarySamples.Typical(Author).Sign(PatientCardTestKit.Doctor);
        var index = Encoding.UTF8.GetString(signed, 0, signed.Length - 64).IndexOf("latex", StringComparison.Ordinal);
        signed[index] = (byte)'L';

        Assert.Equal(PatientCardError.BadSignature, Assert.Throws<PatientCardException>(() => EmergencySummary.ParseSigned(signed)).Error);
    }

    [Fact]
    public void ParseSigned_SignedByAnotherKey_ReportsBadSignature()
    {
        using var other = MedBlocks.Core.Participants.Participant.Create(MedBlocks.Core.Participants.ParticipantRole.Practitioner, 2048);
        var json = PatientCardTestKit.Summary().ToJsonBytes();

        Assert.Equal(PatientCardError.BadSignature, Assert.Throws<PatientCardException>(() => EmergencySummary.ParseSigned([.. json, .. other.Sign(json)])).Error);
    }

    [Fact]
    public void Sign_NotTheAuthor_Throws()
    {
        using var other = MedBlocks.Core.Participants.Participant.Create(MedBlocks.Core.Participants.ParticipantRole.Practitioner, 2048);

        Assert.Throws<ArgumentException>(() => PatientCardTestKit.Summary().Sign(other));
    }

    public static TheoryData<string> InvalidSummaries =>
        ["allergies both", "medications both", "problems both", "devices both", "blood group", "half blood pressure", "weight decimals", "spo2", "control character", "too many"];

    [Theory]
    [MemberData(nameof(InvalidSummaries))]
    public void Validate_RuleBroken_Throws(string rule)
    {
        var typical = EmergencySummarySamples.Typical(Author);
        var summary = rule switch
        {
            "allergies both" => typical with { AllergiesNoneKnown = true },
            "medications both" => typical with { MedicationsNoneKnown = true },
            "problems both" => typical with { ProblemsNoneKnown = true },
            "devices both" => typical with { DevicesNoneKnown = true },
            "blood group" => typical with { BloodGroup = "A positive" },
            "half blood pressure" => typical with { Baseline = new EmergencyBaseline(SystolicMmHg: 120) },
            "weight decimals" => typical with { Baseline = new EmergencyBaseline(WeightKg: 70.25m) },
            "spo2" => typical with { Baseline = new EmergencyBaseline(SpO2Percent: 101) },
            "control character" => typical with { AdvanceDirective = "line\nbreak" },
            _ => typical with { Devices = [.. Enumerable.Repeat("x", EmergencySummary.MaxItems + 1)] },
        };

        Assert.Throws<ArgumentException>(summary.Validate);
    }

    [Fact]
    public void EmergencyAllergy_FromString_ShowsSubstanceOnly_AndDetailsWhenKnown()
    {
        EmergencyAllergy bare = "latex";

        Assert.Equal("latex", bare.ToString());
        Assert.Equal("codeine (intolerance) — vomiting (high criticality)", new EmergencyAllergy("codeine", "vomiting", AllergyCriticality.High, true).ToString());
    }

    [Fact]
    public void Compressed_Samples_TypicalFitsOneKilobyte()
    {
        var sizes = SampleNames.ToDictionary(name => name, name =>
        {
            var signed = Sample(name).Sign(PatientCardTestKit.Doctor);
            return (Signed: signed.Length, Compressed: EmergencySummaryPayload.Compress(signed).Length);
        });
        foreach (var (name, size) in sizes)
        {
            output.WriteLine($"{name}: JSON+signature {size.Signed} B, deflated {size.Compressed} B");
        }

        Assert.True(sizes["typical"].Compressed <= 1024, $"typical summary deflates to {sizes["typical"].Compressed} B");
        Assert.True(sizes["minimal"].Compressed < sizes["typical"].Compressed && sizes["typical"].Compressed < sizes["large"].Compressed);
    }
}
