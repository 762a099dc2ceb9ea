using System.Diagnostics;
using MedBlocks.Pcsc.Monitoring;
using MedBlocks.Pcsc.Tests.TestDoubles;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Transport;
using MedBlocks.SmartCards.Desfire;
using HostCommMode = MedBlocks.SmartCards.Desfire.DesfireCommMode;
using HostKey = MedBlocks.SmartCards.Desfire.Crypto.DesfireKey;
using HostKeyType = MedBlocks.SmartCards.Desfire.Crypto.DesfireKeyType;

namespace MedBlocks.Pcsc.Tests.Integration;

/// <summary>The medblocks-sim command as a separate process: insert a card image into pcscd, use it, remove it.</summary>
[Collection(PcscdTestGroup.Name)]
public sealed class MedblocksSimCommandTests(PcscdFixture pcscd) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);
    private static readonly DesfireAid Application = new(0x4D4201);

    private readonly ReaderMonitor monitor = new();
    private readonly string directory = Path.Combine(Path.GetTempPath(), "medblocks-sim-pcscd-" + Guid.NewGuid().ToString("N"));
    private EventStream<ReaderEvent> events = null!;

    public async Task InitializeAsync()
    {
        Assert.True(pcscd.Pid > 0);
        Directory.CreateDirectory(directory);
        events = new EventStream<ReaderEvent>(monitor.ReadEventsAsync());
        monitor.Start();
        await events.WaitForAsync(ReaderEventKind.ReaderAttached, PcscdFixture.Slot1Reader, EventTimeout);
    }

    public async Task DisposeAsync()
    {
        monitor.Dispose();
        await events.DisposeAsync();
        await VirtualSlots.WaitUntilEmptyAsync();
        Directory.Delete(directory, recursive: true);
    }

    public void Dispose() => monitor.Dispose();

    [Fact]
    public async Task InsertThenRemove_CardUsedThroughPcscd_ImageKeepsCommittedContent()
    {
        var image = Path.Combine(directory, "card.json");
        var data = Enumerable.Range(0, 300).Select(i => (byte)(i * 3)).ToArray();
        Assert.Equal(0, (await RunSimAsync("new", "--size", "4k", "--uid", "04C0FFEE000001", "-o", image)).ExitCode);

        using var insert = StartSim("insert", image, "--slot", "1");
        try
        {
            var inserted = await events.WaitForAsync(ReaderEventKind.CardInserted, PcscdFixture.Slot1Reader, EventTimeout);
            Assert.Equal([0x3B, 0x81, 0x80, 0x01, 0x80, 0x80], inserted.Atr.ToArray());
            Assert.True(File.Exists(Path.Combine(directory, "run", "slot1.pid")));

            await using (var connection = PcscCardConnection.Open(PcscdFixture.Slot1Reader))
            {
                Assert.Equal(Convert.FromHexString("04C0FFEE000001"), await connection.ReadUidAsync());
                using var session = new DesfireSession(connection);
                using (var factory = HostKey.FactoryDefault())
                {
                    await session.AuthenticateAsync(0, factory);
                }

                await session.CreateApplicationAsync(Application, 0x0F, 1, HostKeyType.Aes);
                await session.SelectApplicationAsync(Application);
                using var key = HostKey.Aes(new byte[16]);
                await session.AuthenticateAsync(0, key);
                await session.CreateBackupDataFileAsync(1, HostCommMode.Enciphered, new AccessRights(0, 0, 0, 0), 512);
                await session.WriteDataAsync(1, 0, data, HostCommMode.Enciphered);
                await session.CommitTransactionAsync();
                await session.WriteDataAsync(1, 0, new byte[300], HostCommMode.Enciphered);
            }

            var remove = await RunSimAsync("remove", "--slot", "1");
            Assert.Equal(0, remove.ExitCode);
            Assert.Equal("slot 1: card removed", remove.Output.Trim());
            await events.WaitForAsync(ReaderEventKind.CardRemoved, PcscdFixture.Slot1Reader, EventTimeout);
            Assert.True(insert.WaitForExit(10_000));
            Assert.Equal(0, insert.ExitCode);
        }
        finally
        {
            if (!insert.HasExited)
            {
                insert.Kill();
            }
        }

        // Only the committed write travelled with the card.
        var copy = new SimulatedDesfireCard(CardImage.Load(image));
        using var direct = new DesfireSession(new SimulatedCardTransport(copy));
        await direct.SelectApplicationAsync(Application);
        using var appKey = HostKey.Aes(new byte[16]);
        await direct.AuthenticateAsync(0, appKey);
        Assert.Equal(data, await direct.ReadDataAsync(1, 0, data.Length, HostCommMode.Enciphered));

        var info = await RunSimAsync("info", image);
        Assert.Equal(0, info.ExitCode);
        Assert.Contains("UID           04C0FFEE000001", info.Output, StringComparison.Ordinal);
        Assert.Contains("  4D4201  AES keys 1, key settings 0F", info.Output, StringComparison.Ordinal);
        Assert.Contains("    file 01  backup data, enciphered, access 0000, 512 bytes", info.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insert_SlotAlreadyHeld_SecondInsertFails()
    {
        var image = Path.Combine(directory, "card.json");
        Assert.Equal(0, (await RunSimAsync("new", "-o", image)).ExitCode);
        using var first = StartSim("insert", image, "--slot", "1");
        try
        {
            await events.WaitForAsync(ReaderEventKind.CardInserted, PcscdFixture.Slot1Reader, EventTimeout);

            var second = await RunSimAsync("insert", image, "--slot", "1");

            Assert.NotEqual(0, second.ExitCode);
            Assert.Contains("Slot 1 already holds a card", second.Output + second.Error, StringComparison.Ordinal);
            Assert.Equal(0, (await RunSimAsync("remove", "--slot", "1")).ExitCode);
            Assert.True(first.WaitForExit(10_000));
        }
        finally
        {
            if (!first.HasExited)
            {
                first.Kill();
            }
        }
    }

    private static string SimDll()
    {
        // tests/MedBlocks.Pcsc.Tests/bin/<Configuration>/<tfm>/ → simulator/MedBlocks.Simulator.Cli/bin/<Configuration>/<tfm>/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var root = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "simulator", "MedBlocks.Simulator.Cli", "bin", configuration, framework, "medblocks-sim.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("medblocks-sim is not built", dll);
    }

    private Process StartSim(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(SimDll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["MEDBLOCKS_SIM_RUNTIME_DIR"] = Path.Combine(directory, "run");
        var process = Process.Start(info) ?? throw new InvalidOperationException("medblocks-sim did not start.");
        return process;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunSimAsync(params string[] args)
    {
        using var process = StartSim(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
