using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MedBlocks.Pcsc.Tests.Integration;

/// <summary>
/// Runs a private pcscd in the foreground for the integration tests and stops it by its own pid.
/// Refuses to run beside another pcscd: two daemons would fight over the socket and the vpcd ports.
/// vpcd listens on all interfaces (TCP 35963/35964); the tests connect from loopback only.
/// </summary>
public sealed class PcscdFixture : IDisposable
{
    public const string Slot0Reader = "Virtual PCD 00 00";
    public const string Slot1Reader = "Virtual PCD 00 01";

    private const string SocketPath = "/run/pcscd/pcscd.comm";
    private const int SigTerm = 15;
    private const int SigKill = 9;

    private static readonly string[] Candidates = ["/usr/sbin/pcscd", "/usr/bin/pcscd", "/usr/local/sbin/pcscd"];

    private const string LockPath = "/tmp/medblocks-pcscd.lock";

    private readonly string executable;
    private readonly FileStream machineLock;
    private Process? daemon;

    public PcscdFixture()
    {
        executable = Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("pcscd not installed: run ./test.sh which installs it");
        if (!File.Exists("/etc/reader.conf.d/vpcd"))
        {
            throw new InvalidOperationException("vsmartcard-vpcd not installed (no /etc/reader.conf.d/vpcd): run ./test.sh which installs it");
        }

        // Test assemblies run in parallel processes; only one of them may own pcscd and the vpcd ports at a time.
        machineLock = TakeMachineLock(TimeSpan.FromMinutes(10));
        StopLeftover(machineLock);
        var other = FindOtherPcscd();
        if (other is not null)
        {
            machineLock.Dispose();
            throw new InvalidOperationException($"Another pcscd (pid {other}) is running; stop it (systemctl stop pcscd.socket pcscd) before running the PC/SC integration tests.");
        }

        try
        {
            Start();
            RecordPid(machineLock, daemon!.Id);
        }
        catch
        {
            machineLock.Dispose();
            throw;
        }
    }

    public int Pid => daemon?.Id ?? 0;

    /// <summary>Starts pcscd -f and waits until both virtual readers are listed.</summary>
    public void Start()
    {
        var info = new ProcessStartInfo(executable, "-f")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        daemon = Process.Start(info) ?? throw new InvalidOperationException("pcscd did not start.");
        daemon.OutputDataReceived += (_, _) => { };
        daemon.ErrorDataReceived += (_, _) => { };
        daemon.BeginOutputReadLine();
        daemon.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (daemon.HasExited)
            {
                throw new InvalidOperationException($"pcscd exited at start with code {daemon.ExitCode}.");
            }

            if (File.Exists(SocketPath) && BothReadersListed())
            {
                return;
            }

            Thread.Sleep(20);
        }

        throw new InvalidOperationException("pcscd did not list the two vpcd readers within 10 s.");
    }

    /// <summary>Stops our pcscd: SIGTERM and wait, or SIGKILL when <paramref name="brutally"/>.</summary>
    public void Stop(bool brutally = false)
    {
        var process = daemon;
        daemon = null;
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            _ = Kill(process.Id, brutally ? SigKill : SigTerm);
            if (!process.WaitForExit(10_000))
            {
                process.Kill();
                process.WaitForExit();
            }
        }

        process.Dispose();
    }

    public void Dispose()
    {
        Stop();
        RecordPid(machineLock, null);
        machineLock.Dispose();
    }

    /// <summary>The lock file names the pcscd its holder started, so a later holder can find one left behind.</summary>
    private static void RecordPid(FileStream file, int? pid)
    {
        file.SetLength(0);
        if (pid is { } value)
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        file.Flush(flushToDisk: true);
    }

    /// <summary>
    /// A pcscd named in the lock file outlived the test process that started it (killed before it could stop
    /// it): whoever holds the lock now is its only possible owner, so it is stopped here.
    /// </summary>
    private static void StopLeftover(FileStream file)
    {
        file.Position = 0;
        using var reader = new StreamReader(file, leaveOpen: true);
        if (!int.TryParse(reader.ReadToEnd().Trim(), out var pid) || FindOtherPcscd() != pid)
        {
            return;
        }

        _ = Kill(pid, SigTerm);
        var deadline = Stopwatch.StartNew();
        while (Directory.Exists($"/proc/{pid}") && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(50);
        }

        if (Directory.Exists($"/proc/{pid}"))
        {
            _ = Kill(pid, SigKill);
            Thread.Sleep(200);
        }
    }

    private static FileStream TakeMachineLock(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (deadline.Elapsed < timeout)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>
    /// Waits until pcscd reports <paramref name="readerName"/> empty, so a card put back at once is seen as a
    /// new insertion rather than lost inside pcscd's polling interval.
    /// </summary>
    public static void WaitForEmptyReader(string readerName, TimeSpan timeout)
    {
        using var context = PcscContext.Establish();
        var state = new PcscReaderState(readerName);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            var left = timeout - deadline.Elapsed;
            if (context.WaitForChange([state], left > TimeSpan.Zero ? left : TimeSpan.Zero)
                && state.EventState.HasFlag(ReaderStates.Empty))
            {
                return;
            }

            state.Acknowledge();
        }

        throw new TimeoutException($"{readerName} still holds a card after {timeout.TotalSeconds} s.");
    }

    private static bool BothReadersListed()
    {
        try
        {
            using var context = PcscContext.Establish();
            var readers = context.ListReaders();
            return readers.Contains(Slot0Reader) && readers.Contains(Slot1Reader);
        }
        catch (PcscException)
        {
            return false;
        }
    }

    private static int? FindOtherPcscd()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == "pcscd")
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    [DllImport("libc", EntryPoint = "kill", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
