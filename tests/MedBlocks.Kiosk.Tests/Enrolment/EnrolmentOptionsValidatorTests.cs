using MedBlocks.Core.Secrets;
using MedBlocks.Kiosk.Enrolment;

namespace MedBlocks.Kiosk.Tests.Enrolment;

public sealed class EnrolmentOptionsValidatorTests
{
    [Fact]
    public void Default_IsProductionCost() =>
        Assert.Equal(Argon2Parameters.KeyFileDefault, new EnrolmentOptions().KdfCost.Parameters());

    [Fact]
    public void Fast_IsTheTestCost() =>
        Assert.Equal(Argon2Parameters.FastForTests, CardKdfCost.Fast.Parameters());

    [Fact]
    public void UnknownCost_Refused()
    {
        var result = new EnrolmentOptionsValidator().Validate(null, new EnrolmentOptions { KdfCost = (CardKdfCost)7 });

        Assert.True(result.Failed);
        Assert.Contains("Enrolment:KdfCost", result.FailureMessage, StringComparison.Ordinal);
    }
}
