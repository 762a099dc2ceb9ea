using Hl7.Fhir.Model;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Fhir.Tests;

public sealed class PatientMappingTests
{
    private static CardIdentity Identity() => new(
        FhirTestKit.Doctor.Address,
        "q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c",
        "Jenny Tallia",
        new DateOnly(2003, 2, 23),
        "female",
        "0123456789ABCDEF",
        new DateOnly(2026, 11, 25));

    [Theory]
    [InlineData("female")]
    [InlineData("male")]
    [InlineData("other")]
    [InlineData("unknown")]
    public void ToCardIdentity_ThroughFirelyJson_RoundTrips(string sex)
    {
        var identity = Identity() with { Sex = sex };

        var json = FhirJson.Serialize(PatientMapping.ToPatient(identity));
        var back = PatientMapping.ToCardIdentity(FhirJson.Parse<Patient>(json));

        Assert.Equal(identity, back);
        Assert.Contains("\"birthDate\":\"2003-02-23\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPatient_CarriesIdentifiersAndIssueDate()
    {
        var patient = PatientMapping.ToPatient(Identity());

        Assert.Equal(FhirTestKit.Doctor.Address, patient.Identifier.Single(i => i.System == FhirCodes.AddressSystem).Value);
        Assert.Equal("2026-11-25", patient.Identifier.Single(i => i.System == FhirCodes.CardSerialSystem).Period?.Start);
        Assert.Equal("Jenny Tallia", patient.Name.Single().Text);
        Assert.Equal(AdministrativeGender.Female, patient.Gender);
    }

    [Fact]
    public void ToCardIdentity_ForeignPatient_NamesEveryMissingPart()
    {
        var patient = new Patient { Name = [new HumanName { Family = "DeLarosa", Given = ["Martha"] }], BirthDate = "1972-05" };

        var error = Assert.Throws<FhirMappingException>(() => PatientMapping.ToCardIdentity(patient));

        Assert.Equal(
            [$"no identifier in {FhirCodes.AddressSystem}", $"no identifier in {FhirCodes.EncryptionKeySystem}", $"no identifier in {FhirCodes.CardSerialSystem}", "birthDate is not a full date (yyyy-MM-dd)", "card serial period start (issue date) is not a full date (yyyy-MM-dd)", "no gender"],
            error.Problems);
    }

    [Fact]
    public void ToCardIdentity_GivenAndFamilyOnly_JoinsThem()
    {
        var patient = PatientMapping.ToPatient(Identity());
        patient.Name = [new HumanName { Family = "Tallia", Given = ["Jenny", "May"] }];

        Assert.Equal("Jenny May Tallia", PatientMapping.ToCardIdentity(patient).Name);
    }

    [Fact]
    public void ToCardIdentity_InvalidSerial_ReportsIt()
    {
        var patient = PatientMapping.ToPatient(Identity());
        patient.Identifier.Single(i => i.System == FhirCodes.CardSerialSystem).Value = "not-a-serial";

        Assert.Contains("serial", Assert.Throws<FhirMappingException>(() => PatientMapping.ToCardIdentity(patient)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotFhir_ReportsMappingError() =>
        Assert.Throws<FhirMappingException>(() => FhirJson.Parse<Patient>("""{"resourceType":"Patient","birthDate":12}"""));
}
