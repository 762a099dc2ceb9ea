namespace MedBlocks.SmartCards.Profile;

/// <summary>Wrong-PIN limits per card: <see cref="FreeAttempts"/> tries, then a delay doubling from <see cref="FirstDelay"/> up to <see cref="MaxDelay"/>.</summary>
public sealed record PinAttemptPolicy(int FreeAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static PinAttemptPolicy Default { get; } = new(5, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

    /// <summary>The lock after the <paramref name="failures"/>-th consecutive wrong PIN (zero while free tries remain).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeAttempts)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeAttempts, 30);
        var ticks = Math.Min((double)FirstDelay.Ticks * Math.Pow(2, doublings), MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
