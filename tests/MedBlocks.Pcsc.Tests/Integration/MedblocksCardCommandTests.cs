using System.Diagnostics;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Desfire;
using MedBlocks.SmartCards.Profile;

namespace MedBlocks.Pcsc.Tests.Integration;

/// <summary><c>medblocks card</c> as a separate process against a PC/SC reader by name: a simulated card in vpcd slot 0.</summary>
[Collection(PcscdTestGroup.Name)]
public sealed class MedblocksCardCommandTests(PcscdFixture pcscd) : IAsyncLifetime
{
    private const string Passphrase = "correct horse battery staple";
    private readonly string home = Directory.CreateTempSubdirectory("medblocks-card-cli-").FullName;
    private VirtualCardSlots slots = null!;

    public async Task InitializeAsync()
    {
        Assert.True(pcscd.Pid > 0);
        slots = await VirtualCardSlots.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        await slots.DisposeAsync();
        Directory.Delete(home, recursive: true);
    }

    [Fact]
    public async Task CardCommands_ThroughAReaderByName_PersonaliseReadEmergencyUpdateFormat()
    {
        var doctorKey = Path.Combine(home, "doctor.key.json");
        var created = await RunOkAsync("participant", "create", "--role", "practitioner", "--rsa-bits", "2048", "--key", doctorKey, "--json");
        var doctor = System.Text.Json.JsonDocument.Parse(created).RootElement.GetProperty("address").GetString()!;
        await RunOkAsync("register", "--key", doctorKey);
        await File.WriteAllTextAsync(Path.Combine(home, "card-keys.json"), """
            {"piccMaster":"00112233445566778899AABBCCDDEEFF","applicationMaster":"0F1E2D3C4B5A69788796A5B4C3D2E1F0",
             "write":"A0A1A2A3A4A5A6A7A8A9AAABACADAEAF","read":"B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF","emergency":"C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF"}
            """);
        var summary = new EmergencySummary(false, ["penicillin"], [], ["asthma"], ResuscitationStatus.FullResuscitation, "O+", [], doctor, new DateOnly(2026, 11, 25)) { MedicationsNoneKnown = true };
        await File.WriteAllBytesAsync(Path.Combine(home, "summary.json"), EmergencySummaryJson.Write(summary));
        await slots.InsertAsync(new SimulatedDesfireCard(CardImage.NewBlank(DesfireStorageSize.FourKilobytes)), 0);
        var reader = VirtualCardSlots.ReaderOf(0);

        var issued = await RunOkAsync(
            "card", "personalise", "--reader", reader, "--key", doctorKey, "--backup", Path.Combine(home, "patient.backup.json"),
            "--name", "Jenny Tallia", "--birth-date", "2003-02-23", "--sex", "female", "--summary", Path.Combine(home, "summary.json"));
        var read = await RunOkAsync("card", "read", "--reader", reader, "--unlock");
        var emergency = await RunOkAsync("card", "emergency", "--reader", reader);
        await File.WriteAllBytesAsync(Path.Combine(home, "updated.json"), EmergencySummaryJson.Write(summary with { Allergies = ["latex"], Problems = [] }));
        var update = await RunOkAsync("card", "emergency", "update", "--reader", reader, "--key", doctorKey, "--summary", Path.Combine(home, "updated.json"));
        var updated = await RunOkAsync("card", "emergency", "--reader", reader);
        await RunOkAsync("card", "format", "--reader", reader, "--yes");
        var afterFormat = await RunAsync("card", "read", "--reader", reader);

        Assert.Contains("Issued patient card", issued, StringComparison.Ordinal);
        Assert.Contains("Jenny Tallia", read, StringComparison.Ordinal);
        Assert.Contains("PIN:        correct", read, StringComparison.Ordinal);
        Assert.Contains("Allergies:     penicillin", emergency, StringComparison.Ordinal);
        Assert.Contains("signature valid", emergency, StringComparison.Ordinal);
        Assert.Contains("Emergency summary updated on card", update, StringComparison.Ordinal);
        Assert.Contains("Allergies:     latex", updated, StringComparison.Ordinal);
        Assert.Contains("signature valid", updated, StringComparison.Ordinal);
        Assert.Equal(5, afterFormat.ExitCode);
        Assert.Contains("without the MedBlocks application", afterFormat.Error, StringComparison.Ordinal);
    }

    private static string CliDll()
    {
        // tests/MedBlocks.Pcsc.Tests/bin/<Configuration>/<tfm>/ → src/MedBlocks.Cli/bin/<Configuration>/<tfm>/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "MedBlocks.Cli", "bin", output.Parent.Name, output.Name, "medblocks.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("medblocks is not built", dll);
    }

    private async Task<string> RunOkAsync(params string[] args)
    {
        var run = await RunAsync(args);
        Assert.True(run.ExitCode == 0, $"medblocks {string.Join(' ', args)}: exit {run.ExitCode}\n{run.Output}\n{run.Error}");
        return run.Output;
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliDll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["MEDBLOCKS_HOME"] = home;
        info.Environment["MEDBLOCKS_PASSPHRASE"] = Passphrase;
        info.Environment["MEDBLOCKS_BACKUP_PASSPHRASE"] = Passphrase;
        info.Environment["MEDBLOCKS_CARD_NEW_PIN"] = "482916";
        info.Environment["MEDBLOCKS_CARD_PIN"] = "482916";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("medblocks did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
