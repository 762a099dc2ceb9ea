using System.Text.Json;

namespace MedBlocks.Cli.Tests.Commands;

/// <summary>The original MedBlocks workflow end to end, through the command line.</summary>
public sealed class RecordWorkflowTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task Workflow_LabPatientDoctorEmergency_EveryStepHoldsAndLedgerVerifies()
    {
        var lab = await cli.CreateParticipantAsync("lab", "lab");
        var patient = await cli.CreateParticipantAsync("patient", "patient");
        var doctor = await cli.CreateParticipantAsync("doctor", "practitioner");
        var emergency = await cli.CreateParticipantAsync("ambulance", "emergency");
        await cli.RunOkAsync("emergency", "pin", emergency);

        var record = Path.Combine(cli.Home, "blood-panel.txt");
        var content = "Haemoglobin 13.9 g/dL\nPotassium 4.1 mmol/L\n";
        await File.WriteAllTextAsync(record, content);

        // The lab adds an emergency-tagged record for the patient.
        var added = await cli.RunOkAsync("add", record, "--patient", patient, "--emergency", "--key", cli.KeyFile("lab"), "--json");
        var medBlock = JsonDocument.Parse(added.Output).RootElement;
        var hash = medBlock.GetProperty("hash").GetString()!;
        Assert.Equal("text/plain", medBlock.GetProperty("contentType").GetString());
        Assert.True(medBlock.GetProperty("emergency").GetBoolean());
        Assert.Equal(
            new[] { lab, patient, emergency }.Order(StringComparer.Ordinal),
            medBlock.GetProperty("readers").EnumerateArray().Select(r => r.GetString()!));

        // The patient lists and reads it.
        var listed = await cli.RunOkAsync("list", "--key", cli.KeyFile("patient"));
        Assert.Contains(hash, listed.Output, StringComparison.Ordinal);
        Assert.Contains("[emergency]", listed.Output, StringComparison.Ordinal);
        var read = await cli.RunOkAsync("get", hash, "--key", cli.KeyFile("patient"));
        Assert.Equal(content, CliHarness.Utf8(read.BinaryOutput));

        // The doctor cannot read it until the patient grants access.
        var refused = await cli.RunAsync("get", hash, "--key", cli.KeyFile("doctor"));
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("holds no key", refused.Error, StringComparison.Ordinal);
        await cli.RunOkAsync("permit", hash, "--to", doctor, "--key", cli.KeyFile("patient"));
        var doctorCopy = Path.Combine(cli.Home, "doctor-copy.txt");
        await cli.RunOkAsync("get", hash, "-o", doctorCopy, "--key", cli.KeyFile("doctor"));
        Assert.Equal(content, await File.ReadAllTextAsync(doctorCopy));

        // The patient refuses the record; history stays and the listing says so.
        await cli.RunOkAsync("refuse", hash, "--key", cli.KeyFile("patient"));
        var afterRefusal = JsonDocument.Parse((await cli.RunOkAsync("list", "--patient", patient, "--json")).Output).RootElement;
        Assert.True(afterRefusal.GetProperty("medBlocks")[0].GetProperty("refused").GetBoolean());

        // The emergency service reads it with its own key, and the read is audited on the ledger first.
        var emergencyRead = await cli.RunOkAsync("get", hash, "--reason", "unconscious on arrival", "--key", cli.KeyFile("ambulance"));
        Assert.Equal(content, CliHarness.Utf8(emergencyRead.BinaryOutput));
        Assert.Contains("Emergency access recorded", emergencyRead.Error, StringComparison.Ordinal);
        Assert.Contains("refused this record", emergencyRead.Error, StringComparison.Ordinal);

        var verified = await cli.RunOkAsync("ledger", "verify", "--json");
        var verification = JsonDocument.Parse(verified.Output).RootElement;
        Assert.True(verification.GetProperty("isValid").GetBoolean());

        // identity ×4, medblock, grant, refuse, emergency-access
        Assert.Equal(8, verification.GetProperty("entryCount").GetInt64());
    }

    [Fact]
    public async Task Permit_ByNonPatient_IsDeniedAndLedgerUnchanged()
    {
        var lab = await cli.CreateParticipantAsync("lab", "lab");
        var patient = await cli.CreateParticipantAsync("patient", "patient");
        var doctor = await cli.CreateParticipantAsync("doctor", "practitioner");
        var hash = await AddRecordAsync("lab", patient, "x-ray report");

        var run = await cli.RunAsync("permit", hash, "--to", doctor, "--key", cli.KeyFile("lab"));

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("Only the patient", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        var listed = JsonDocument.Parse((await cli.RunOkAsync("list", "--patient", patient, "--json")).Output).RootElement;
        Assert.Equal(2, listed.GetProperty("medBlocks")[0].GetProperty("readers").GetArrayLength());
        Assert.NotNull(lab);
    }

    [Fact]
    public async Task Add_ForUndeclaredPatient_FailsWithClearMessage()
    {
        await cli.CreateParticipantAsync("lab", "lab");
        var record = Path.Combine(cli.Home, "note.txt");
        await File.WriteAllTextAsync(record, "note");

        var run = await cli.RunAsync("add", record, "--patient", "94Kj1jcaUjf5R5ytHQSKy19P8GkJmTKthezj4AoNxroY", "--key", cli.KeyFile("lab"));

        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("error: The patient is not declared on the ledger", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_EmergencyWithoutPinnedService_IsRefused()
    {
        await cli.CreateParticipantAsync("lab", "lab");
        var patient = await cli.CreateParticipantAsync("patient", "patient");
        var record = Path.Combine(cli.Home, "note.txt");
        await File.WriteAllTextAsync(record, "note");

        var run = await cli.RunAsync("add", record, "--patient", patient, "--emergency", "--key", cli.KeyFile("lab"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No emergency service key is pinned", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TamperedStoredRecord_FailsWithIntegrityErrorAndWritesNothing()
    {
        await cli.CreateParticipantAsync("lab", "lab");
        var patient = await cli.CreateParticipantAsync("patient", "patient");
        var hash = await AddRecordAsync("lab", patient, new string('A', 5000));
        foreach (var block in Directory.EnumerateFiles(Path.Combine(cli.Home, "store"), "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(block);
            bytes[bytes.Length / 2] ^= 0x01;
            await File.WriteAllBytesAsync(block, bytes);
        }

        var target = Path.Combine(cli.Home, "out.txt");
        var run = await cli.RunAsync("get", hash, "-o", target, "--key", cli.KeyFile("patient"));

        Assert.Equal(5, run.ExitCode);
        Assert.Contains("integrity", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(target));
        Assert.False(File.Exists(target + ".partial"));
    }

    [Fact]
    public async Task Get_WrongPassphrase_IsDeniedWithoutEchoingIt()
    {
        await cli.CreateParticipantAsync("lab", "lab");
        var patient = await cli.CreateParticipantAsync("patient", "patient");
        var hash = await AddRecordAsync("lab", patient, "note");
        cli.SetEnvironment("MEDBLOCKS_PASSPHRASE", "not the passphrase at all");

        var run = await cli.RunAsync("get", hash, "--key", cli.KeyFile("patient"));

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("error: Wrong passphrase for the key file.", run.Error.Trim());
        Assert.DoesNotContain("not the passphrase", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Empty_SaysSo()
    {
        var patient = await cli.CreateParticipantAsync("patient", "patient");

        var run = await cli.RunOkAsync("list", "--key", cli.KeyFile("patient"));

        Assert.Equal($"No MedBlocks for {patient}.", run.Output.Trim());
    }

    public void Dispose() => cli.Dispose();

    private async Task<string> AddRecordAsync(string author, string patient, string content)
    {
        var record = Path.Combine(cli.Home, Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(record, content);
        var added = await cli.RunOkAsync("add", record, "--patient", patient, "--key", cli.KeyFile(author), "--json");
        return JsonDocument.Parse(added.Output).RootElement.GetProperty("hash").GetString()!;
    }
}
