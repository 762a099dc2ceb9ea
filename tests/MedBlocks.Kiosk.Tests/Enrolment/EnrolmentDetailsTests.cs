using MedBlocks.Core.Participants;
using MedBlocks.Kiosk.Enrolment;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Kiosk.Tests.Enrolment;

public sealed class EnrolmentDetailsTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static EnrolmentDetails Valid() => new()
    {
        Name = " Lucia Fernandez ",
        BirthDate = "1984-06-02",
        Sex = "female",
        AllergyChoice = EnrolmentDetails.AllergiesListed,
        Allergies = "aspirin (hives)\n\nlatex",
        Medications = "ramipril, 5 mg daily",
        NoProblems = true,
        Resuscitation = ResuscitationStatus.FullResuscitation,
        BloodGroup = "B+",
        ContactName = "Marta Fernandez",
        ContactRelation = "sister",
        ContactPhone = "+34 600 000 000",
    };

    [Fact]
    public void Empty_ListsEveryMissingRequiredField()
    {
        Assert.Equal(["enrol.err.name", "enrol.err.birthDate", "enrol.err.sex", "enrol.err.allergyChoice"], new EnrolmentDetails().Validate(Today));
    }

    [Theory]
    [InlineData("2026-11-26", "enrol.err.birthDateRange")]
    [InlineData("1890-01-01", "enrol.err.birthDateRange")]
    [InlineData("02/06/1984", "enrol.err.birthDate")]
    public void BirthDate_InFutureTooOldOrMalformed_Refused(string birthDate, string expected)
    {
        var details = Valid();
        details.BirthDate = birthDate;
        Assert.Equal([expected], details.Validate(Today));
    }

    [Fact]
    public void Allergies_NoneKnownMustBeChosenExplicitly_AndNotWithAList()
    {
        var details = Valid();
        details.Allergies = string.Empty;
        Assert.Equal(["enrol.err.allergiesEmpty"], details.Validate(Today));
        details.AllergyChoice = EnrolmentDetails.AllergiesNoneKnown;
        Assert.Empty(details.Validate(Today));
        details.Allergies = "latex";
        Assert.Equal(["enrol.err.allergiesBoth"], details.Validate(Today));
    }

    [Theory]
    [InlineData("ramipril", false, "enrol.err.medicationFormat")]
    [InlineData("ramipril, ", false, "enrol.err.medicationFormat")]
    [InlineData("ramipril, 5 mg", true, "enrol.err.medicationsBoth")]
    public void Medications_NeedNameAndDose_AndNotWithNoMedication(string medications, bool noMedication, string expected)
    {
        var details = Valid();
        details.Medications = medications;
        details.NoMedication = noMedication;
        Assert.Equal([expected], details.Validate(Today));
    }

    [Fact]
    public void Contact_AllThreeOrNone_PhoneCharactersChecked()
    {
        var details = Valid();
        details.ContactPhone = string.Empty;
        Assert.Equal(["enrol.err.contact"], details.Validate(Today));
        details.ContactName = details.ContactRelation = string.Empty;
        Assert.Empty(details.Validate(Today));
        details.ContactName = "Marta";
        details.ContactRelation = "sister";
        details.ContactPhone = "call me";
        Assert.Equal(["enrol.err.phone"], details.Validate(Today));
    }

    [Fact]
    public void ToSummary_SignedByAuthor_VerifiesAndKeepsTheChoices()
    {
        using var registrar = Participant.Create(ParticipantRole.Site, 2048);
        var summary = Valid().ToSummary(registrar.Address, Today);

        var read = EmergencySummary.ParseSigned(summary.Sign(registrar));

        Assert.False(read.AllergiesNoneKnown);
        Assert.Equal(["aspirin (hives)", "latex"], read.Allergies.Select(a => a.Substance));
        Assert.Equal([new EmergencyMedication("ramipril", "5 mg daily")], read.Medications);
        Assert.True(read.ProblemsNoneKnown);
        Assert.Equal("B+", read.BloodGroup);
        Assert.Equal(registrar.Address, read.Author);
        Assert.Equal([new EmergencyContact("Marta Fernandez", "sister", "+34 600 000 000")], read.Contacts);
    }

    [Fact]
    public void ToSummary_InvalidDetails_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new EnrolmentDetails().ToSummary("x", Today));
}
