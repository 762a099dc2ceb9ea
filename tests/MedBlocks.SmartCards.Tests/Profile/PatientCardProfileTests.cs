using MedBlocks.SmartCards.Desfire;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class PatientCardProfileTests
{
    [Fact]
    public void Application_Aid_IsMb1LsbFirstOnWire() => Assert.Equal("31424D", Convert.ToHexString(PatientCardProfile.Application.ToWire()));

    [Fact]
    public void AccessRights_FileTable_MatchesProfile()
    {
        Assert.Equal(new AccessRights(0x0E, 1, 1, 0), PatientCardProfile.CardInfoRights);
        Assert.Equal(new AccessRights(2, 1, 1, 0), PatientCardProfile.IdentityRights);
        Assert.Equal(new AccessRights(2, 1, 1, 0), PatientCardProfile.KeyMaterialRights);
        Assert.Equal(new AccessRights(3, 1, 1, 0), PatientCardProfile.EmergencySummaryRights);
        Assert.Equal(new AccessRights(2, 2, 3, 0), PatientCardProfile.AccessLogRights);
    }

    [Fact]
    public void ToFileImage_FiveBytes_IsPrefixedAndPaddedToBlock()
    {
        var image = PatientCardProfile.ToFileImage([1, 2, 3, 4, 5]);

        Assert.Equal(32, image.Length);
        Assert.Equal("00050102030405" + new string('0', 50), Convert.ToHexString(image));
        Assert.Equal([1, 2, 3, 4, 5], PatientCardProfile.FromFileImage(image));
    }

    [Theory]
    [InlineData(30, 32)]
    [InlineData(31, 64)]
    [InlineData(1850, 1856)]
    public void FileSizeFor_Content_RoundsUpWithPrefix(int content, int size) => Assert.Equal(size, PatientCardProfile.FileSizeFor(content));

    [Fact]
    public void FromFileImage_LengthBeyondFile_ReturnsNull() => Assert.Null(PatientCardProfile.FromFileImage([0x00, 0x21, .. new byte[30]]));

    [Theory]
    [InlineData(4096, 2048)]
    [InlineData(8192, 3072)]
    public void ChooseRsaKeySize_NominalStorage_FollowsProfile(int free, int bits) =>
        Assert.Equal(bits, CardCapacity.ChooseRsaKeySize(free, identityLength: 260, emergencyLength: 400, PatientCardProfile.AccessLogCapacity(free)));
}
