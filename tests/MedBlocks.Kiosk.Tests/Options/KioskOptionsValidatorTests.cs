using MedBlocks.Kiosk.Options;

namespace MedBlocks.Kiosk.Tests.Options;

public sealed class KioskOptionsValidatorTests
{
    private const string ReadKey = "B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF";

    [Fact]
    public void CheckIn_WithReadKey_Succeeds() =>
        Assert.True(new KioskOptionsValidator().Validate(null, new KioskOptions { CardKeys = new() { Read = ReadKey } }).Succeeded);

    [Fact]
    public void Emergency_WithoutEmergencyKey_FailsNamingTheKey()
    {
        var result = new KioskOptionsValidator().Validate(null, new KioskOptions { Role = KioskRole.Emergency, CardKeys = new() { Read = ReadKey } });

        Assert.True(result.Failed);
        Assert.Contains("Kiosk:CardKeys:Emergency", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedKeyOrUnknownRole_Fails()
    {
        var result = new KioskOptionsValidator().Validate(null, new KioskOptions { Role = (KioskRole)9, CardKeys = new() { Read = "xyz" } });

        Assert.Contains("Kiosk:Role", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("not hexadecimal", result.FailureMessage, StringComparison.Ordinal);
    }
}
