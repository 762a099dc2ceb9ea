using MedBlocks.SmartCards.Profile;

namespace MedBlocks.SmartCards.Tests.Profile;

/// <summary>Wrong-PIN counts kept in a file: each limiter here stands for a new run of a command line tool.</summary>
public sealed class PinAttemptFileTests : IDisposable
{
    private const string Serial = "00A1B2C3D4E5F601";
    private readonly string folder = Directory.CreateTempSubdirectory("medblocks-pin-").FullName;
    private readonly FixedTimeProvider clock = PatientCardTestKit.Clock();

    private string FilePath => Path.Combine(folder, "home", "pin-attempts.json");

    [Fact]
    public void RecordFailure_OneLimiterPerRun_FreeTriesAndTheDelayCountAcrossInstances()
    {
        for (var run = 1; run <= 4; run++)
        {
            Assert.Equal(5 - run, NewRun().RecordFailure(Serial).AttemptsRemaining);
        }

        var fifth = NewRun().RecordFailure(Serial);
        var locked = Assert.Throws<PinLockedOutException>(() => NewRun().EnsureAllowed(Serial));

        Assert.Equal(TimeSpan.FromSeconds(30), fifth.LockedFor);
        Assert.Equal(TimeSpan.FromSeconds(30), locked.RetryAfter);
    }

    [Fact]
    public void RecordFailure_AfterTheLockEnds_NextDelayDoublesInALaterRun()
    {
        for (var run = 1; run <= 5; run++)
        {
            NewRun().RecordFailure(Serial);
        }

        clock.Advance(TimeSpan.FromSeconds(31));
        NewRun().EnsureAllowed(Serial);
        var sixth = NewRun().RecordFailure(Serial);
        clock.Advance(TimeSpan.FromSeconds(31));
        var stillLocked = Assert.Throws<PinLockedOutException>(() => NewRun().EnsureAllowed(Serial));
        clock.Advance(TimeSpan.FromSeconds(30));
        NewRun().EnsureAllowed(Serial);

        Assert.Equal(TimeSpan.FromSeconds(60), sixth.LockedFor);
        Assert.Equal(TimeSpan.FromSeconds(29), stillLocked.RetryAfter);
    }

    [Fact]
    public void RecordSuccess_InALaterRun_ClearsTheCountAndLeavesOtherCards()
    {
        NewRun().RecordFailure(Serial);
        NewRun().RecordFailure("OTHERCARD0000001");

        NewRun().RecordSuccess(Serial);

        Assert.Equal(4, NewRun().RecordFailure(Serial).AttemptsRemaining);
        Assert.Equal(3, NewRun().RecordFailure("OTHERCARD0000001").AttemptsRemaining);
    }

    [Fact]
    public void File_HoldsSerialsCountsAndTimesOnly_OwnerReadableAndNoTemporaryLeft()
    {
        NewRun().RecordFailure(Serial);

        var text = File.ReadAllText(FilePath);
        Assert.Equal(
            """{"v":1,"cards":{"00A1B2C3D4E5F601":{"failures":1,"lastFailure":"2026-11-25T09:30:00.0000000Z","lockedUntil":"2026-11-25T09:30:00.0000000Z"}}}""",
            text);
        Assert.Equal([FilePath, FilePath + ".lock"], Directory.GetFiles(Path.GetDirectoryName(FilePath)!).Order(StringComparer.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"v":2,"cards":{}}""")]
    [InlineData("""{"v":1,"cards":{"A":{"failures":"five","lastFailure":"2026-11-25T08:00:00+00:00","lockedUntil":"2026-11-25T08:00:00+00:00"}}}""")]
    [InlineData("""{"v":1,"cards":{"A":{"failures":0,"lastFailure":"2026-11-25T08:00:00+00:00","lockedUntil":"2026-11-25T08:00:00+00:00"}}}""")]
    [InlineData("""{"v":1,"cards":{"A":{"failures":1,"lastFailure":"yesterday","lockedUntil":"2026-11-25T08:00:00+00:00"}}}""")]
    public void Damaged_File_RefusedClearlyAndLeftAsItIs(string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllText(FilePath, content);

        var onCheck = Assert.Throws<InvalidDataException>(() => NewRun().EnsureAllowed(Serial));
        var onFailure = Assert.Throws<InvalidDataException>(() => NewRun().RecordFailure(Serial));

        Assert.Contains("wrong-PIN count file", onCheck.Message, StringComparison.Ordinal);
        Assert.Contains(FilePath, onFailure.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(FilePath));
    }

    [Fact]
    public async Task RecordFailure_ManyConcurrentRuns_EveryFailureCounted()
    {
        var policy = new PinAttemptPolicy(100, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => NewRun(policy).RecordFailure(Serial))));

        Assert.Equal(79, NewRun(policy).RecordFailure(Serial).AttemptsRemaining);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private PinAttemptLimiter NewRun(PinAttemptPolicy? policy = null) => new(clock, policy, new PinAttemptFile(FilePath));
}
