namespace MedBlocks.Core.Secrets;

/// <summary>
/// Argon2id cost parameters. Files carry their own parameters, so a reader checks them against
/// <see cref="IsWithinReadLimits"/> before deriving: a tampered file must not make it allocate gigabytes.
/// </summary>
/// <param name="MemoryKiB">Memory cost in KiB (Argon2 <c>m</c>).</param>
/// <param name="Iterations">Passes over memory (Argon2 <c>t</c>).</param>
/// <param name="Lanes">Degree of parallelism (Argon2 <c>p</c>).</param>
public sealed record Argon2Parameters(int MemoryKiB, int Iterations, int Lanes)
{
    public const int MinMemoryKiB = 8;
    public const int MinIterations = 1;

    /// <summary>512 MiB: above any profile we write, far below what would exhaust a kiosk.</summary>
    public const int MaxMemoryKiB = 512 * 1024;

    public const int MaxIterations = 10;
    public const int MaxLanes = 8;

    /// <summary>Participant key files on disk: 64 MiB, 3 passes, 1 lane.</summary>
    public static Argon2Parameters KeyFileDefault { get; } = new(65536, 3, 1);

    /// <summary>A cheap profile for tests only: 1 MiB, 1 pass. Never use it for real keys.</summary>
    public static Argon2Parameters FastForTests { get; } = new(1024, 1, 1);

    /// <summary>Whether a file may ask a reader for these costs; <paramref name="reason"/> says why not.</summary>
    public bool IsWithinReadLimits(out string reason)
    {
        if (Lanes is < 1 or > MaxLanes)
        {
            reason = $"lanes p={Lanes} outside 1..{MaxLanes}";
            return false;
        }

        if (MemoryKiB < MinMemoryKiB || MemoryKiB < 8 * Lanes || MemoryKiB > MaxMemoryKiB)
        {
            reason = $"memory m={MemoryKiB} KiB outside {Math.Max(MinMemoryKiB, 8 * Lanes)}..{MaxMemoryKiB} KiB";
            return false;
        }

        if (Iterations is < MinIterations or > MaxIterations)
        {
            reason = $"iterations t={Iterations} outside {MinIterations}..{MaxIterations}";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    /// <exception cref="ArgumentOutOfRangeException">The parameters are outside the limits any reader accepts.</exception>
    public void EnsureWithinLimits()
    {
        if (!IsWithinReadLimits(out var reason))
        {
            throw new ArgumentOutOfRangeException(nameof(Argon2Parameters), this, $"Argon2 parameters rejected: {reason}.");
        }
    }
}
