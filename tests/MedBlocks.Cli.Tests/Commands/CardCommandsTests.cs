using System.Text.Json;
using MedBlocks.Cli.Hosting;
using MedBlocks.SmartCards.Profile;
using Microsoft.Extensions.Time.Testing;

namespace MedBlocks.Cli.Tests.Commands;

/// <summary><c>medblocks card ...</c> against simulator card image files, with PINs from the environment as a script gives them.</summary>
public sealed class CardCommandsTests : IDisposable
{
    private const string Pin = "482916";
    private const string WrongPin = "931746";
    private const string BackupPassphrase = "backup passphrase 1";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly CliHarness cli;

    public CardCommandsTests()
    {
        cli = new CliHarness(clock);
        cli.SetEnvironment(CardPinSource.NewPinVariable, Pin);
        cli.SetEnvironment(CardPinSource.PinVariable, Pin);
        cli.SetEnvironment(CardPinSource.BackupVariable, BackupPassphrase);
        File.WriteAllText(Path.Combine(cli.Home, CardCommandContext.KeysFileName), """
            {"piccMaster":"00112233445566778899AABBCCDDEEFF","applicationMaster":"0F1E2D3C4B5A69788796A5B4C3D2E1F0",
             "write":"A0A1A2A3A4A5A6A7A8A9AAABACADAEAF","read":"B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF","emergency":"C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF"}
            """);
    }

    private string CardImage => Path.Combine(cli.Home, "card.json");

    private string Backup => Path.Combine(cli.Home, "patient.backup.json");

    [Fact]
    public async Task PersonaliseReadEmergencyLog_OnAnImageFile_ShowsTheCardAndItsAccessLog()
    {
        var serial = await PersonaliseAsync(CardImage);

        var read = await cli.RunOkAsync("card", "read", "--image", CardImage, "--unlock");
        var emergency = await cli.RunOkAsync("card", "emergency", "--image", CardImage, "--station", "ambulance-7");
        var log = await cli.RunOkAsync("card", "log", "--image", CardImage);

        Assert.Contains($"patient card {serial}", read.Output, StringComparison.Ordinal);
        Assert.Contains("Jenny Tallia", read.Output, StringComparison.Ordinal);
        Assert.Contains("PIN:        correct", read.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Pin, read.Output + read.Error, StringComparison.Ordinal);
        Assert.Contains("Allergies:     penicillin (anaphylaxis) HIGH RISK", emergency.Output, StringComparison.Ordinal);
        Assert.Contains("Medications:   none known", emergency.Output, StringComparison.Ordinal);
        Assert.Contains("Devices:       not recorded", emergency.Output, StringComparison.Ordinal);
        Assert.Contains("signature valid", emergency.Output, StringComparison.Ordinal);
        var lines = log.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("Emergency  ReadEmergency", lines[1], StringComparison.Ordinal);
        Assert.Contains("ReadIdentity", lines[2], StringComparison.Ordinal);
        Assert.True(File.Exists(Backup));
    }

    [Fact]
    public async Task Reissue_FromBackup_NewCardReadsAndTheOldOneIsRefusedAsRevoked()
    {
        var oldSerial = await PersonaliseAsync(CardImage);
        var newImage = Path.Combine(cli.Home, "card2.json");
        cli.SetEnvironment(CardPinSource.NewPinVariable, "735102");

        var reissue = await cli.RunOkAsync(["card", "reissue", "--image", newImage, "--backup", Backup, "--replaces", oldSerial, .. Content(), "--json"]);
        cli.SetEnvironment(CardPinSource.PinVariable, "735102");
        var newCard = await cli.RunOkAsync("card", "read", "--image", newImage, "--unlock", "--json");
        var oldCard = await cli.RunAsync("card", "read", "--image", CardImage);

        using var issued = JsonDocument.Parse(reissue.Output);
        Assert.NotNull(issued.RootElement.GetProperty("revocation").GetString());
        using var read = JsonDocument.Parse(newCard.Output);
        Assert.True(read.RootElement.GetProperty("pinVerified").GetBoolean());
        Assert.Equal(issued.RootElement.GetProperty("address").GetString(), read.RootElement.GetProperty("address").GetString());
        Assert.NotEqual(oldSerial, read.RootElement.GetProperty("serial").GetString());
        Assert.Equal(ExitCodes.Denied, oldCard.ExitCode);
        Assert.Contains("revoked (lost)", oldCard.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", oldCard.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_WrongPin_DeniedWithTriesLeft()
    {
        await PersonaliseAsync(CardImage);
        cli.SetEnvironment(CardPinSource.PinVariable, "000000");

        var run = await cli.RunAsync("card", "read", "--image", CardImage, "--unlock");

        Assert.Equal(ExitCodes.Denied, run.ExitCode);
        Assert.Contains("Wrong PIN. 4 tries left", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_WrongPinsInSeparateRuns_LockoutAndItsGrowingDelayHoldAcrossRuns()
    {
        var serial = await PersonaliseAsync(CardImage);
        var pinFile = Path.Combine(cli.Home, "pin-attempts.json");
        cli.SetEnvironment(CardPinSource.PinVariable, WrongPin);
        for (var run = 1; run <= 4; run++)
        {
            var wrong = await cli.RunAsync("card", "read", "--image", CardImage, "--unlock");
            Assert.Contains($"Wrong PIN. {5 - run} tries left", wrong.Error, StringComparison.Ordinal);
        }

        var fifth = await cli.RunAsync("card", "read", "--image", CardImage, "--unlock");
        cli.SetEnvironment(CardPinSource.PinVariable, Pin);
        var lockedOut = await cli.RunAsync("card", "read", "--image", CardImage, "--unlock");
        clock.Advance(TimeSpan.FromSeconds(31));
        cli.SetEnvironment(CardPinSource.PinVariable, WrongPin);
        var sixth = await cli.RunAsync("card", "read", "--image", CardImage, "--unlock");
        var countsWhileLocked = await File.ReadAllTextAsync(pinFile);
        clock.Advance(TimeSpan.FromSeconds(31));
        cli.SetEnvironment(CardPinSource.PinVariable, Pin);
        var stillLocked = await cli.RunAsync("card", "read", "--image", CardImage, "--unlock");
        clock.Advance(TimeSpan.FromSeconds(30));
        var right = await cli.RunOkAsync("card", "read", "--image", CardImage, "--unlock");

        Assert.Contains("refused for 30 s", fifth.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Denied, lockedOut.ExitCode);
        Assert.Contains("try again in 30 s", lockedOut.Error, StringComparison.Ordinal);
        Assert.Contains("refused for 60 s", sixth.Error, StringComparison.Ordinal);
        Assert.Contains($"\"{serial}\":{{\"failures\":6,", countsWhileLocked, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPin, countsWhileLocked, StringComparison.Ordinal);
        Assert.DoesNotContain(Pin, countsWhileLocked, StringComparison.Ordinal);
        Assert.Contains("try again in 29 s", stillLocked.Error, StringComparison.Ordinal);
        Assert.Contains("PIN:        correct", right.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(serial, await File.ReadAllTextAsync(pinFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_DamagedPinCountFile_RefusedClearlyAndTheFileKept()
    {
        await PersonaliseAsync(CardImage);
        var pinFile = Path.Combine(cli.Home, "pin-attempts.json");
        await File.WriteAllTextAsync(pinFile, "{\"v\":1,\"cards\":[]}");

        var run = await cli.RunAsync("card", "read", "--image", CardImage, "--unlock");

        Assert.Equal(ExitCodes.Integrity, run.ExitCode);
        Assert.Contains("wrong-PIN count file", run.Error, StringComparison.Ordinal);
        Assert.Equal("{\"v\":1,\"cards\":[]}", await File.ReadAllTextAsync(pinFile));
    }

    [Fact]
    public async Task Format_NeedsYesThenLeavesACardThatReadsAsNotAMedBlocksCard()
    {
        await PersonaliseAsync(CardImage);

        var refused = await cli.RunAsync("card", "format", "--image", CardImage);
        await cli.RunOkAsync("card", "format", "--image", CardImage, "--yes");
        var read = await cli.RunAsync("card", "read", "--image", CardImage);

        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("--yes", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Integrity, read.ExitCode);
        Assert.Contains("without the MedBlocks application", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personalise_StaffCard_NeedsNoBackupAndReadsWithItsRole()
    {
        await CreateAuthorAndSummaryAsync();

        await cli.RunOkAsync(["card", "personalise", "--image", CardImage, "--role", "paramedic", .. Content()]);
        var read = await cli.RunOkAsync("card", "read", "--image", CardImage, "--json");

        using var json = JsonDocument.Parse(read.Output);
        Assert.Equal("paramedic", json.RootElement.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Revoke_StaffCardBySite_ReadRefusedAsARevokedStaffCardAndASecondRevokeAppendsNothing()
    {
        var (address, serial) = await PersonaliseStaffCardAsync();
        await cli.CreateParticipantAsync("desk", "site");

        var revoke = await cli.RunOkAsync("card", "revoke", "--holder", address, "--serial", serial, "--reason", "stolen", "--key", cli.KeyFile("desk"), "--json");
        var again = await cli.RunOkAsync("card", "revoke", "--holder", address, "--serial", serial, "--key", cli.KeyFile("desk"));
        var read = await cli.RunAsync("card", "read", "--image", CardImage);

        using var entry = JsonDocument.Parse(revoke.Output);
        Assert.Equal("stolen", entry.RootElement.GetProperty("reason").GetString());
        Assert.Contains("already revoked (stolen); nothing appended", again.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Denied, read.ExitCode);
        Assert.Contains("This staff card was revoked (stolen)", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_AnotherHoldersCardByAPractitioner_DeniedByTheLedgerAndTheCardStillReads()
    {
        var (address, serial) = await PersonaliseStaffCardAsync();

        var revoke = await cli.RunAsync("card", "revoke", "--holder", address, "--serial", serial, "--key", cli.KeyFile("doctor"));
        await cli.RunOkAsync("card", "read", "--image", CardImage);

        Assert.Equal(ExitCodes.Denied, revoke.ExitCode);
        Assert.Contains("(revoke-card-author)", revoke.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Personalise_PatientWithoutBackup_RefusedBeforeTouchingTheCard()
    {
        await CreateAuthorAndSummaryAsync();

        var run = await cli.RunAsync(["card", "personalise", "--image", CardImage, .. Content()]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--backup", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(CardImage));
    }

    [Theory]
    [InlineData("--image", "x.json", "--reader", "Reader 0")]
    [InlineData("--station", "desk")]
    public async Task Read_WithBothOrNeitherCardSource_UsageError(params string[] options)
    {
        var run = await cli.RunAsync(["card", "read", .. options]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("exactly one of --image FILE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UnknownPcscReader_OneLineReaderErrorNoStackTrace()
    {
        var run = await cli.RunAsync("card", "read", "--reader", "No Such Reader 99");

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.StartsWith("error: Card reader: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_MissingImage_NotFound()
    {
        var run = await cli.RunAsync("card", "read", "--image", Path.Combine(cli.Home, "absent.json"));

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Emergency_KioskKeysWithoutTheMasterTheCommandNeeds_Denied(bool update)
    {
        await PersonaliseAsync(CardImage);
        var kioskKeys = Path.Combine(cli.Home, "kiosk-keys.json");
        await File.WriteAllTextAsync(kioskKeys, """{"read":"B0B1B2B3B4B5B6B7B8B9BABBBCBDBEBF"}""");

        string[] updateArguments = ["update", "--summary", Path.Combine(cli.Home, "summary.json"), "--key", cli.KeyFile("doctor")];

        var run = await cli.RunAsync(["card", "emergency", .. update ? updateArguments : [], "--image", CardImage, "--card-keys", kioskKeys]);

        Assert.Equal(ExitCodes.Denied, run.ExitCode);
        Assert.Contains("card keys lack", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmergencyUpdate_NewSummarySignedByItsAuthor_EmergencyReadShowsItAndTheLogTheWrite()
    {
        await PersonaliseAsync(CardImage);
        var doctor = await AuthorAddressAsync();
        var updated = Path.Combine(cli.Home, "updated.json");
        await File.WriteAllBytesAsync(updated, EmergencySummaryJson.Write(Summary(doctor) with { Allergies = [new EmergencyAllergy("latex")], Contacts = [] }));

        var update = await cli.RunOkAsync("card", "emergency", "update", "--image", CardImage, "--summary", updated, "--key", cli.KeyFile("doctor"), "--json");
        var emergency = await cli.RunOkAsync("card", "emergency", "--image", CardImage);
        var log = await cli.RunOkAsync("card", "log", "--image", CardImage, "--json");

        using var result = JsonDocument.Parse(update.Output);
        Assert.InRange(result.RootElement.GetProperty("compressed").GetInt32(), 1, result.RootElement.GetProperty("room").GetInt32());
        Assert.Contains("Allergies:     latex", emergency.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("penicillin", emergency.Output, StringComparison.Ordinal);
        Assert.Contains("signature valid", emergency.Output, StringComparison.Ordinal);
        using var records = JsonDocument.Parse(log.Output);
        Assert.Contains(records.RootElement.EnumerateArray(), r => r.GetProperty("action").GetString() == "Write" && r.GetProperty("role").GetString() == "Enrolment");
    }

    [Fact]
    public async Task EmergencyUpdate_SummaryOfAnotherAuthor_DeniedBeforeTheCardIsTouched()
    {
        await PersonaliseAsync(CardImage);
        await cli.CreateParticipantAsync("nurse", "practitioner");
        var before = await File.ReadAllBytesAsync(CardImage);

        var run = await cli.RunAsync("card", "emergency", "update", "--image", CardImage, "--summary", Path.Combine(cli.Home, "summary.json"), "--key", cli.KeyFile("nurse"));

        Assert.Equal(ExitCodes.Denied, run.ExitCode);
        Assert.Contains("sign it with that author's key file", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(CardImage));
    }

    [Fact]
    public async Task EmergencyUpdate_SummaryLargerThanTheCardsRoom_RefusedAndTheOldSummaryStillReads()
    {
        await PersonaliseAsync(CardImage);
        var doctor = await AuthorAddressAsync();
        var large = Path.Combine(cli.Home, "large.json");
        var medications = Enumerable.Range(1, 40).Select(i => new EmergencyMedication($"medication {i} {Guid.NewGuid():N}", $"{i} mg daily")).ToList();
        await File.WriteAllBytesAsync(large, EmergencySummaryJson.Write(Summary(doctor) with { Medications = medications, MedicationsNoneKnown = false }));

        var run = await cli.RunAsync("card", "emergency", "update", "--image", CardImage, "--summary", large, "--key", cli.KeyFile("doctor"));
        var emergency = await cli.RunOkAsync("card", "emergency", "--image", CardImage);

        Assert.Equal(ExitCodes.Integrity, run.ExitCode);
        Assert.Contains("Re-issue the card with more room", run.Error, StringComparison.Ordinal);
        Assert.Contains("Allergies:     penicillin", emergency.Output, StringComparison.Ordinal);
    }

    public void Dispose() => cli.Dispose();

    private string[] Content() =>
        ["--key", cli.KeyFile("doctor"), "--name", "Jenny Tallia", "--birth-date", "2003-02-23", "--sex", "female", "--summary", Path.Combine(cli.Home, "summary.json")];

    private async Task<string> PersonaliseAsync(string image)
    {
        await CreateAuthorAndSummaryAsync();
        var run = await cli.RunOkAsync(["card", "personalise", "--image", image, "--backup", Backup, .. Content(), "--json"]);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(2048, json.RootElement.GetProperty("rsaBits").GetInt32());
        Assert.NotNull(json.RootElement.GetProperty("declared").GetString());
        return json.RootElement.GetProperty("serial").GetString()!;
    }

    private async Task<(string Address, string Serial)> PersonaliseStaffCardAsync()
    {
        await CreateAuthorAndSummaryAsync();
        var issued = await cli.RunOkAsync(["card", "personalise", "--image", CardImage, "--role", "practitioner", .. Content(), "--json"]);
        using var json = JsonDocument.Parse(issued.Output);
        return (json.RootElement.GetProperty("address").GetString()!, json.RootElement.GetProperty("serial").GetString()!);
    }

    private async Task CreateAuthorAndSummaryAsync()
    {
        var doctor = await cli.CreateParticipantAsync("doctor", "practitioner");
        await File.WriteAllBytesAsync(Path.Combine(cli.Home, "summary.json"), EmergencySummaryJson.Write(Summary(doctor)));
    }

    private async Task<string> AuthorAddressAsync()
    {
        var summary = EmergencySummaryJson.Parse(await File.ReadAllBytesAsync(Path.Combine(cli.Home, "summary.json")));
        return summary.Author;
    }

    private static EmergencySummary Summary(string author) => new(
        AllergiesNoneKnown: false,
        Allergies: [new EmergencyAllergy("penicillin", "anaphylaxis", AllergyCriticality.High)],
        Medications: [],
        Problems: ["asthma"],
        Resuscitation: ResuscitationStatus.FullResuscitation,
        BloodGroup: "O+",
        Contacts: [new("Sam Tallia", "partner", "+44 20 7946 0958")],
        Author: author,
        Date: new DateOnly(2026, 11, 25)) { MedicationsNoneKnown = true };
}
