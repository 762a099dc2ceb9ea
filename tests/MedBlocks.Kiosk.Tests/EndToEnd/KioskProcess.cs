using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MedBlocks.Kiosk.Tests.EndToEnd;

/// <summary>
/// The real kiosk host (Kestrel on 127.0.0.1, port chosen by the system) started from its build
/// output as its own process, stopped by its own pid.
/// </summary>
public sealed partial class KioskProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private KioskProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int Pid => process.Id;

    /// <summary>Everything the host wrote, for assertions on the logs.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    public static async Task<KioskProcess> StartAsync(string dataFolder, IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "MedBlocks.Kiosk");
        var dll = Path.Combine(project, "bin", "Release", "net10.0", "MedBlocks.Kiosk.dll");
        if (!File.Exists(dll))
        {
            dll = Path.Combine(project, "bin", "Debug", "net10.0", "MedBlocks.Kiosk.dll");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--Urls=http://127.0.0.1:0");
        info.ArgumentList.Add($"--Kiosk:DataFolder={dataFolder}");
        info.ArgumentList.Add("--Logging:Console:FormatterName=simple");
        foreach (var setting in settings)
        {
            info.ArgumentList.Add(setting);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The kiosk did not start.");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lines = new List<string>();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(90), cancellationToken));
            if (first != listening.Task)
            {
                throw new InvalidOperationException("The kiosk did not start listening:\n" + string.Join('\n', lines));
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        var kiosk = new KioskProcess(process, await listening.Task);
        process.OutputDataReceived += (_, e) => kiosk.Add(e.Data);
        lock (lines)
        {
            kiosk.output.AddRange(lines);
        }

        return kiosk;
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MedBlocks.Kiosk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MedBlocks.Kiosk.sln not found above the test output.");
    }

    /// <summary>Stops the kiosk (by its own process id); safe to call again.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private int disposed;

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
