using MedBlocks.Kiosk.Cards;

namespace MedBlocks.Kiosk.Tests.Cards;

public sealed class NameMaskTests
{
    [Theory]
    [InlineData("Jenny Tallia", "Jenny T.")]
    [InlineData("  Omar   el Haddad ", "Omar H.")]
    [InlineData("Ana maria costa", "Ana C.")]
    [InlineData("Madonna", "M.")]
    [InlineData("", "?")]
    public void Mask_ShowsFirstGivenNameAndFamilyInitial(string name, string expected) =>
        Assert.Equal(expected, NameMask.Mask(name));
}
