using MedBlocks.Pcsc.Hosting;

namespace MedBlocks.Pcsc.Tests.Hosting;

public sealed class CardWorkerOptionsValidatorTests
{
    private readonly CardWorkerOptionsValidator validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(validator.Validate(null, new CardWorkerOptions()).Succeeded);
    }

    [Fact]
    public void Validate_InvalidExcludeRegex_FailsWithClearMessage()
    {
        var options = new CardWorkerOptions { PatternSyntax = ReaderPatternSyntax.Regex };
        options.ExcludeReaders.Add("[SAM");

        var result = validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.StartsWith("CardWorker:ExcludeReaders[0] '[SAM' is not a valid regular expression:", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroUidTimeout_Fails()
    {
        var result = validator.Validate(null, new CardWorkerOptions { UidReadTimeout = TimeSpan.Zero });

        Assert.Equal("CardWorker:UidReadTimeout must be between 0 and 1 minute, not 00:00:00.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_UndefinedSyntax_Fails()
    {
        var result = validator.Validate(null, new CardWorkerOptions { PatternSyntax = (ReaderPatternSyntax)7 });

        Assert.Equal("CardWorker:PatternSyntax must be Glob or Regex.", Assert.Single(result.Failures!));
    }
}
