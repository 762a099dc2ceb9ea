namespace MedBlocks.Cli.Tests;

/// <summary>What one in-process invocation of the command line returned and printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error, byte[] BinaryOutput)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
