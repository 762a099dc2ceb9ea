using MedBlocks.Pcsc.Hosting;

namespace MedBlocks.Pcsc.Tests.Hosting;

public sealed class ReaderFilterTests
{
    private static CardWorkerOptions Options(ReaderPatternSyntax syntax, string[] include, string[] exclude)
    {
        var options = new CardWorkerOptions { PatternSyntax = syntax };
        foreach (var i in include)
        {
            options.IncludeReaders.Add(i);
        }

        foreach (var e in exclude)
        {
            options.ExcludeReaders.Add(e);
        }

        return options;
    }

    [Theory]
    [InlineData("ACS ACR1252 1S CL Reader PICC 00 00", true)]
    [InlineData("ACS ACR1252 1S CL Reader SAM 00 01", false)]
    [InlineData("Virtual PCD 00 00", false)]
    public void Matches_GlobIncludeAndExclude_SelectsPiccOnly(string reader, bool expected)
    {
        var filter = ReaderFilter.Create(Options(ReaderPatternSyntax.Glob, ["ACS ACR1252*"], ["* SAM *"]));

        Assert.Equal(expected, filter.Matches(reader));
    }

    [Fact]
    public void Matches_GlobWithoutWildcard_MustMatchWholeNameIgnoringCase()
    {
        var filter = ReaderFilter.Create(Options(ReaderPatternSyntax.Glob, ["virtual pcd 00 0?"], []));

        Assert.True(filter.Matches("Virtual PCD 00 01"));
        Assert.False(filter.Matches("Virtual PCD 00 010"));
        Assert.False(filter.Matches("My Virtual PCD 00 01"));
    }

    [Fact]
    public void Matches_GlobEscapesRegexCharacters()
    {
        var filter = ReaderFilter.Create(Options(ReaderPatternSyntax.Glob, ["Reader (1)"], []));

        Assert.True(filter.Matches("Reader (1)"));
        Assert.False(filter.Matches("Reader 1"));
    }

    [Fact]
    public void Matches_RegexSyntax_MatchesAnywhere()
    {
        var filter = ReaderFilter.Create(Options(ReaderPatternSyntax.Regex, ["PCD 00 0[01]$"], []));

        Assert.True(filter.Matches("Virtual PCD 00 01"));
        Assert.False(filter.Matches("Virtual PCD 00 02"));
    }

    [Fact]
    public void Matches_NoPatterns_SelectsEveryReader()
    {
        Assert.True(ReaderFilter.Create(new CardWorkerOptions()).Matches("anything"));
    }

    [Fact]
    public void Create_InvalidRegex_NamesTheListIndexAndPattern()
    {
        var ex = Assert.Throws<ArgumentException>(() => ReaderFilter.Create(Options(ReaderPatternSyntax.Regex, ["ok", "PCD ("], [])));

        Assert.StartsWith("CardWorker:IncludeReaders[1] 'PCD (' is not a valid regular expression:", ex.Message, StringComparison.Ordinal);
    }
}
