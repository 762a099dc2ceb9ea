using System.Diagnostics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
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
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "GlobalCleanup releases them; BenchmarkDotNet owns the lifetime.")]
public class PcscApduRoundTripBenchmarks
{
    private const string Reader = "Virtual PCD 00 00";
    private const int Apdus = 200;
    private static readonly byte[] Command = [0x00, 0xEE, 0x00, 0x00, 0x04, 0x01, 0x02, 0x03, 0x04];

    private Process? pcscd;
    private VpcdCardBridge? bridge;
    private PcscCardConnection? connection;
    private ReaderMonitor? monitor;
    private IAsyncEnumerator<ReaderEvent>? events;
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
        events = monitor.ReadEventsAsync().GetAsyncEnumerator();
        monitor.Start();
        Console.WriteLine($"// Idle monitor CPU: {MeasureIdleMonitorCpu():P3} of one core");
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
        DrainEvents();
    }

    [Benchmark(Description = "card connects to vpcd -> monitor CardInserted")]
    public async Task<int> InsertionToMonitorEvent()
    {
        slot1Bridge = new VpcdCardBridge(new EchoCard(), slot: 1);
        await slot1Bridge.InsertAsync();
        while (await events!.MoveNextAsync())
        {
            if (events.Current is { Kind: ReaderEventKind.CardInserted, ReaderName: "Virtual PCD 00 01" } e)
            {
                return e.Atr.Length;
            }
        }

        throw new InvalidOperationException("monitor stopped");
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

    private void DrainEvents()
    {
        // Events already queued (the previous removal) must not satisfy the next measurement.
        while (true)
        {
            var next = events!.MoveNextAsync().AsTask();
            if (!next.Wait(50))
            {
                // Leave the pending read; the next measurement awaits a fresh enumerator instead.
                events = monitor!.ReadEventsAsync().GetAsyncEnumerator();
                return;
            }
        }
    }

    private static double MeasureIdleMonitorCpu()
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        Thread.Sleep(3000);
        process.Refresh();
        return (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / wall.Elapsed.TotalMilliseconds;
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
