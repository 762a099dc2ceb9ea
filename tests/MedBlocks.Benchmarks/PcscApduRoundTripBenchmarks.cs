using System.Diagnostics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MedBlocks.Pcsc;
using MedBlocks.Pcsc.Monitoring;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Vpcd;

namespace MedBlocks.Benchmarks;

/// <summary>
/// APDU round trips through a private pcscd + vpcd + a card that answers at once: our binding
/// beside opensc-tool (C) and scriptor (Perl over libpcsclite) in the same run; per-APDU cost is
/// (200-APDU time − 1-APDU time) / 199 for the C clients, whose runs include process start and connect.
/// Also the time from a card connecting to vpcd to the ReaderMonitor's CardInserted event.
/// Needs pcscd and vsmartcard-vpcd installed and no other pcscd running.
/// </summary>
[Config(typeof(InProcessShortConfig))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "GlobalCleanup releases them; BenchmarkDotNet owns the lifetime.")]
public class PcscApduRoundTripBenchmarks
{
    private const string Reader = "Virtual PCD 00 00";
    private const int Apdus = 200;
    private static readonly byte[] Command = [0x00, 0xEE, 0x00, 0x00, 0x04, 0x01, 0x02, 0x03, 0x04];

    private static int idleMeasured;
    private Process? pcscd;
    private VpcdCardBridge? bridge;
    private PcscCardConnection? connection;
    private ReaderMonitor? monitor;
    private TaskCompletionSource<ReaderEvent> slot1Inserted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private VpcdCardBridge? slot1Bridge;
    private string scriptFile200 = string.Empty;
    private string[] openscArgs200 = [];
    private string[] openscArgs1 = [];
    private string scriptFile1 = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        if (Directory.EnumerateDirectories("/proc").Any(d => File.Exists(Path.Combine(d, "comm")) && SafeRead(Path.Combine(d, "comm")) == "pcscd"))
        {
            throw new InvalidOperationException("Another pcscd is running; stop it before this benchmark.");
        }

        pcscd = Process.Start(new ProcessStartInfo("pcscd", "-f") { RedirectStandardError = true, RedirectStandardOutput = true })!;
        pcscd.BeginErrorReadLine();
        pcscd.BeginOutputReadLine();
        WaitFor(() => File.Exists("/run/pcscd/pcscd.comm") && ListsReader(), "pcscd readers");

        bridge = new VpcdCardBridge(new EchoCard(), slot: 0);
        bridge.InsertAsync().GetAwaiter().GetResult();
        WaitFor(CardPresent, "card present");
        connection = PcscCardConnection.Open(Reader);

        var hex = Convert.ToHexString(Command);
        var spaced = string.Join(' ', Enumerable.Range(0, Command.Length).Select(i => hex.Substring(i * 2, 2)));
        scriptFile200 = Path.GetTempFileName();
        File.WriteAllLines(scriptFile200, Enumerable.Repeat(spaced, Apdus));
        scriptFile1 = Path.GetTempFileName();
        File.WriteAllLines(scriptFile1, [spaced]);

        openscArgs200 = ["-r", "0", "-c", "default", .. Enumerable.Repeat(new[] { "-s", hex }, Apdus).SelectMany(a => a)];
        openscArgs1 = ["-r", "0", "-c", "default", "-s", hex];

        monitor = new ReaderMonitor();
        monitor.CardInserted += (_, e) =>
        {
            if (e.ReaderName == "Virtual PCD 00 01")
            {
                Volatile.Read(ref slot1Inserted).TrySetResult(e);
            }
        };
        monitor.Start();
        if (Interlocked.Exchange(ref idleMeasured, 1) == 0)
        {
            Console.WriteLine($"// Idle monitor thread CPU: {MeasureIdleMonitorCpu():P2} of one core (10 ms tick resolution)");
        }
    }

    [Benchmark(Description = "binding: 200 APDUs (PcscCard.Transmit)")]
    public int Binding200Sync()
    {
        var total = 0;
        for (var i = 0; i < Apdus; i++)
        {
            total += connection!.Card.Transmit(Command).Length;
        }

        return total;
    }

    [Benchmark(Description = "binding: 200 APDUs (TransmitAsync)")]
    public async Task<int> Binding200Async()
    {
        var total = 0;
        for (var i = 0; i < Apdus; i++)
        {
            total += (await connection!.TransmitAsync(Command)).Length;
        }

        return total;
    }

    [Benchmark(Description = "opensc-tool: 200 APDUs in one process")]
    public int OpenscTool200() => Run("opensc-tool", openscArgs200);

    [Benchmark(Description = "opensc-tool: 1 APDU in one process")]
    public int OpenscTool1() => Run("opensc-tool", openscArgs1);

    [Benchmark(Description = "scriptor: 200 APDUs in one process")]
    public int Scriptor200() => Run("scriptor", ["-r", Reader, scriptFile200]);

    [Benchmark(Description = "scriptor: 1 APDU in one process")]
    public int Scriptor1() => Run("scriptor", ["-r", Reader, scriptFile1]);

    [IterationSetup(Target = nameof(InsertionToMonitorEvent))]
    public void RemoveSlot1Card()
    {
        slot1Bridge?.RemoveAsync().GetAwaiter().GetResult();
        slot1Bridge = null;
        WaitFor(() => !SlotPresent("Virtual PCD 00 01"), "slot 1 empty");
        Thread.Sleep(100);
        Volatile.Write(ref slot1Inserted, new TaskCompletionSource<ReaderEvent>(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    [Benchmark(Description = "card connects to vpcd -> monitor CardInserted")]
    public async Task<int> InsertionToMonitorEvent()
    {
        slot1Bridge = new VpcdCardBridge(new EchoCard(), slot: 1);
        await slot1Bridge.InsertAsync();
        var inserted = await Volatile.Read(ref slot1Inserted).Task.WaitAsync(TimeSpan.FromSeconds(5));
        return inserted.Atr.Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        monitor?.Dispose();
        connection?.Dispose();
        slot1Bridge?.RemoveAsync().GetAwaiter().GetResult();
        bridge?.RemoveAsync().GetAwaiter().GetResult();
        if (pcscd is { HasExited: false })
        {
            _ = Kill(pcscd.Id, 15);
            pcscd.WaitForExit(10_000);
        }

        File.Delete(scriptFile200);
        File.Delete(scriptFile1);
    }

    /// <summary>CPU share of the monitor thread alone over 5 s with no card, from /proc (clock ticks of 10 ms).</summary>
    private static double MeasureIdleMonitorCpu()
    {
        var task = Directory.EnumerateDirectories("/proc/self/task")
            .First(t => SafeRead(Path.Combine(t, "comm")).StartsWith("PC/SC reader", StringComparison.Ordinal));
        static long Ticks(string task)
        {
            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        }

        Thread.Sleep(500);
        var before = Ticks(task);
        var wall = Stopwatch.StartNew();
        Thread.Sleep(5000);
        var ticks = Ticks(task) - before;
        return ticks * 10.0 / wall.Elapsed.TotalMilliseconds;
    }

    private static int Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0 || !output.Contains("90 00", StringComparison.OrdinalIgnoreCase) && !output.Contains("9000", StringComparison.Ordinal) && !output.Contains("SW1=0x90", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{file} failed ({p.ExitCode}): {output}");
        }

        return output.Length;
    }

    private static bool ListsReader()
    {
        try
        {
            using var context = PcscContext.Establish();
            return context.ListReaders().Contains(Reader);
        }
        catch (PcscException)
        {
            return false;
        }
    }

    private static bool CardPresent() => SlotPresent(Reader);

    private static bool SlotPresent(string reader)
    {
        using var context = PcscContext.Establish();
        var state = new PcscReaderState(reader);
        context.WaitForChange([state], TimeSpan.FromMilliseconds(100));
        return (state.EventState & ReaderStates.Present) != 0;
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (sw.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"waiting for {what}");
            }

            Thread.Sleep(20);
        }
    }

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    [DllImport("libc", EntryPoint = "kill", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);

    /// <summary>In-process (the shared build machine times out building a separate exe), 10 short iterations.</summary>
    public sealed class InProcessShortConfig : ManualConfig
    {
        public InProcessShortConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(10)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
        }
    }

    /// <summary>A card that answers every APDU with its data and 90 00, at once.</summary>
    private sealed class EchoCard : IContactlessCard
    {
        public ReadOnlyMemory<byte> Atr { get; } = new byte[] { 0x3B, 0x81, 0x80, 0x01, 0x80, 0x80 };

        public bool IsPowered { get; private set; }

        public void PowerOn() => IsPowered = true;

        public void PowerOff() => IsPowered = false;

        public void Reset() => IsPowered = true;

        public byte[] Process(ReadOnlySpan<byte> commandApdu) =>
            commandApdu.Length > 5 ? [.. commandApdu[5..], 0x90, 0x00] : [0x90, 0x00];
    }
}
