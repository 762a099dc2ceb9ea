using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

public sealed class PinAttemptLimiterTests
{
    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(12, 3600)]
    [InlineData(1000, 3600)]
    public void DelayAfter_Failures_DoublesFromThirtySecondsToOneHour(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), PinAttemptPolicy.Default.DelayAfter(failures));

    [Fact]
    public void RecordSuccess_AfterFailures_ClearsCount()
    {
        var clock = PatientCardTestKit.Clock();
        var limiter = new PinAttemptLimiter(clock);
        for (var i = 0; i < 5; i++)
        {
            limiter.RecordFailure("A");
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        limiter.EnsureAllowed("A");
        limiter.RecordSuccess("A");

        Assert.Equal(4, limiter.RecordFailure("A").AttemptsRemaining);
    }

    [Fact]
    public void EnsureAllowed_OtherCardLocked_Allows()
    {
        var limiter = new PinAttemptLimiter(PatientCardTestKit.Clock());
        for (var i = 0; i < 5; i++)
        {
            limiter.RecordFailure("A");
        }

        Assert.Throws<PinLockedOutException>(() => limiter.EnsureAllowed("A"));
        limiter.EnsureAllowed("B");
    }
}
