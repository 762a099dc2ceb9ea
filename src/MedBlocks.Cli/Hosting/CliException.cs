namespace MedBlocks.Cli.Hosting;

/// <summary>An error the user can act on: printed as one line, with a non-zero exit code.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.Failure)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException()
    {
        ExitCode = ExitCodes.Failure;
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.Failure;
    }

    public int ExitCode { get; }
}
