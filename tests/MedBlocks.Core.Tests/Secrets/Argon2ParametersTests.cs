using MedBlocks.Core.Secrets;

namespace MedBlocks.Core.Tests.Secrets;

public sealed class Argon2ParametersTests
{
    [Fact]
    public void Profiles_HaveDocumentedValues()
    {
        Assert.Equal(new Argon2Parameters(65536, 3, 1), Argon2Parameters.KeyFileDefault);
        Assert.Equal(new Argon2Parameters(1024, 1, 1), Argon2Parameters.FastForTests);
        Assert.True(Argon2Parameters.KeyFileDefault.IsWithinReadLimits(out _));
    }

    [Theory]
    [InlineData(8, 1, 1)]
    [InlineData(524288, 10, 8)]
    [InlineData(64, 1, 8)]
    public void IsWithinReadLimits_Boundaries_Accepted(int m, int t, int p)
    {
        Assert.True(new Argon2Parameters(m, t, p).IsWithinReadLimits(out var reason), reason);
    }

    [Theory]
    [InlineData(7, 1, 1, "memory")]
    [InlineData(524289, 1, 1, "memory")]
    [InlineData(int.MaxValue, 1, 1, "memory")]
    [InlineData(-1, 1, 1, "memory")]
    [InlineData(1024, 0, 1, "iterations")]
    [InlineData(1024, 11, 1, "iterations")]
    [InlineData(1024, 1, 0, "lanes")]
    [InlineData(1024, 1, 9, "lanes")]
    [InlineData(16, 1, 4, "memory")]
    public void IsWithinReadLimits_OutsideLimits_RejectedNamingTheParameter(int m, int t, int p, string named)
    {
        var parameters = new Argon2Parameters(m, t, p);

        Assert.False(parameters.IsWithinReadLimits(out var reason));
        Assert.Contains(named, reason, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(parameters.EnsureWithinLimits);
    }
}
