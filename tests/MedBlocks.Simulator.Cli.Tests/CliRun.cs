namespace MedBlocks.Simulator.Cli.Tests;

/// <summary>One in-process run of medblocks-sim with captured output and a private runtime directory.</summary>
internal sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Directory = Path.Combine(Path.GetTempPath(), "medblocks-sim-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string RuntimeDirectory => Path.Combine(Directory, "run");

    public string Output { get; private set; } = string.Empty;

    public string Error { get; private set; } = string.Empty;

    public string PathOf(string name) => Path.Combine(Directory, name);

    public async Task<int> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var application = new SimulatorCliApplication(output, error, name => name == MedBlocks.Simulator.Cli.Hosting.SlotDirectory.OverrideVariable ? RuntimeDirectory : null);
        var code = await application.RunAsync(args);
        Output = output.ToString();
        Error = error.ToString();
        return code;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
