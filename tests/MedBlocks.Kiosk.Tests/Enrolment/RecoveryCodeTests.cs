using MedBlocks.Kiosk.Enrolment;

namespace MedBlocks.Kiosk.Tests.Enrolment;

public sealed class RecoveryCodeTests
{
    [Fact]
    public void New_IsCanonical_AndDiffersEachTime()
    {
        var code = RecoveryCode.New();

        Assert.Equal(24, code.Length);
        Assert.Equal(code, RecoveryCode.Normalize(code));
        Assert.NotEqual(code, RecoveryCode.New());
    }

    [Theory]
    [InlineData("k7qd 0000 1111 2222 3333", "K7QD-0000-1111-2222-3333")]
    [InlineData("K7QD-OOOO-IIII-LLLL-3333", "K7QD-0000-1111-1111-3333")]
    public void Normalize_AcceptsCaseSpacesAndLookAlikes(string typed, string expected) =>
        Assert.Equal(expected, RecoveryCode.Normalize(typed));

    [Theory]
    [InlineData("")]
    [InlineData("K7QD-0000-1111-2222-333")]
    [InlineData("K7QD-0000-1111-2222-333U")]
    [InlineData(null)]
    public void Normalize_RefusesWhatCannotBeACode(string? typed) => Assert.Null(RecoveryCode.Normalize(typed));
}
