using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Tests.Participants;

public sealed class ParticipantRolesTests
{
    [Theory]
    [InlineData(ParticipantRole.Patient, "patient")]
    [InlineData(ParticipantRole.Practitioner, "practitioner")]
    [InlineData(ParticipantRole.Lab, "lab")]
    [InlineData(ParticipantRole.App, "app")]
    [InlineData(ParticipantRole.Emergency, "emergency")]
    [InlineData(ParticipantRole.Site, "site")]
    public void ToNameParse_EveryRole_RoundTrips(ParticipantRole role, string name)
    {
        Assert.Equal(name, role.ToName());
        Assert.Equal(role, ParticipantRoles.Parse(name));
    }

    [Theory]
    [InlineData("Patient")]
    [InlineData("doctor")]
    [InlineData("")]
    [InlineData(" patient")]
    [InlineData("0")]
    public void Parse_UnknownName_ThrowsFormatException(string name)
    {
        Assert.Throws<FormatException>(() => ParticipantRoles.Parse(name));
        Assert.False(ParticipantRoles.TryParse(name, out _));
    }

    [Fact]
    public void ToName_UndefinedValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ParticipantRole)42).ToName());
    }
}
