using System.Text;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class EmergencySummaryTests
{
    [Fact]
    public void ParseSigned_SignedByAuthor_RoundTrips()
    {
        var summary = PatientCardTestKit.Summary();

        var parsed = EmergencySummary.ParseSigned(summary.Sign(PatientCardTestKit.Doctor));

        Assert.Equal(summary.ToJsonBytes(), parsed.ToJsonBytes());
        Assert.Equal(["penicillin (anaphylaxis)", "latex"], parsed.Allergies);
        Assert.Equal(ResuscitationStatus.FullResuscitation, parsed.Resuscitation);
    }

    [Fact]
    public void ToJsonBytes_NoneKnown_WritesExplicitFlag()
    {
        var summary = PatientCardTestKit.Summary() with { AllergiesNoneKnown = true, Allergies = [], Medications = [], Problems = [], Contacts = [], BloodGroup = null, Resuscitation = ResuscitationStatus.Unknown };

        Assert.Equal(
            $$"""{"v":1,"allergies":{"noneKnown":true,"items":[]},"medications":[],"problems":[],"resuscitation":"unknown","bloodGroupInformational":null,"contacts":[],"author":"{{PatientCardTestKit.Doctor.Address}}","date":"2026-11-25"}""",
            Encoding.UTF8.GetString(summary.ToJsonBytes()));
    }

    [Fact]
    public void ParseSigned_OneByteChanged_ReportsBadSignature()
    {
        var signed = PatientCardTestKit.Summary().Sign(PatientCardTestKit.Doctor);
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

    [Fact]
    public void ParseSigned_AllergiesBothListedAndNoneKnown_ReportsCorruptContent()
    {
        var json = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(PatientCardTestKit.Summary().ToJsonBytes()).Replace("\"noneKnown\":false", "\"noneKnown\":true", StringComparison.Ordinal));

        Assert.Equal(PatientCardError.CorruptContent, Assert.Throws<PatientCardException>(() => EmergencySummary.ParseSigned([.. json, .. PatientCardTestKit.Doctor.Sign(json)])).Error);
    }

    [Fact]
    public void Validate_BothListedAndNoneKnown_Throws() =>
        Assert.Throws<ArgumentException>(() => (PatientCardTestKit.Summary() with { AllergiesNoneKnown = true }).Validate());
}
