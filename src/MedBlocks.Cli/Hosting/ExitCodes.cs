namespace MedBlocks.Cli.Hosting;

/// <summary>Process exit codes, stable for scripts.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int Denied = 4;
    public const int Integrity = 5;
    public const int Cancelled = 130;
}
