using System.Text.Json;

namespace MedBlocks.Cli.Tests.Commands;

public sealed class ParticipantCommandsTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task Create_WritesEncryptedOwnerOnlyKeyFileAndPrintsNoSecret()
    {
        var run = await cli.RunOkAsync("participant", "create", "--role", "patient", "--rsa-bits", "2048");

        var keyFile = Path.Combine(cli.Home, "participant.key.json");
        var json = await File.ReadAllTextAsync(keyFile);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("argon2id", document.RootElement.GetProperty("kdf").GetProperty("alg").GetString());
        Assert.DoesNotContain("PRIVATE KEY", json, StringComparison.Ordinal);
        Assert.DoesNotContain(CliHarness.Passphrase, json, StringComparison.Ordinal);
        Assert.DoesNotContain(CliHarness.Passphrase, run.Output + run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(document.RootElement.GetProperty("ct").GetString()!, run.Output, StringComparison.Ordinal);
        Assert.StartsWith("Created patient ", run.Output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Fact]
    public async Task Create_OverExistingKeyFile_RefusesWithoutForce()
    {
        await cli.RunOkAsync("participant", "create", "--role", "patient", "--rsa-bits", "2048");
        var before = await File.ReadAllTextAsync(Path.Combine(cli.Home, "participant.key.json"));

        var run = await cli.RunAsync("participant", "create", "--role", "lab", "--rsa-bits", "2048");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--force", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(cli.Home, "participant.key.json")));
    }

    [Fact]
    public async Task Create_ShortPassphrase_IsRejected()
    {
        cli.SetEnvironment("MEDBLOCKS_PASSPHRASE", "short");

        var run = await cli.RunAsync("participant", "create", "--role", "patient", "--rsa-bits", "2048");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("at least 8 characters", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.Home, "participant.key.json")));
    }

    [Fact]
    public async Task Create_UnknownRole_IsAUsageError()
    {
        var run = await cli.RunAsync("participant", "create", "--role", "wizard");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("wizard", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportLegacy_UserJson_KeepsAddressMarksLegacyAndDropsNameAndPhone()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "TestData", "user.json");
        var expectedAddress = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "user-address.txt"))).Trim();

        var run = await cli.RunOkAsync("participant", "import-legacy", source, "--json");

        var result = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(expectedAddress, result.GetProperty("address").GetString());
        Assert.True(result.GetProperty("legacy").GetBoolean());
        Assert.Equal(1024, result.GetProperty("rsaBits").GetInt32());
        var keyFile = await File.ReadAllTextAsync(Path.Combine(cli.Home, "participant.key.json"));
        Assert.DoesNotContain("Jenny", keyFile, StringComparison.Ordinal);
        Assert.DoesNotContain("+61", keyFile, StringComparison.Ordinal);

        var info = await cli.RunOkAsync("info");
        Assert.Contains("Legacy:       yes", info.Output, StringComparison.Ordinal);
        var register = await cli.RunAsync("register");
        Assert.Equal(4, register.ExitCode);
        Assert.Contains("legacy", register.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Info_AfterRegister_ShowsRegistration()
    {
        var address = await cli.CreateParticipantAsync("me", "practitioner");

        var run = await cli.RunOkAsync("info", "--key", cli.KeyFile("me"), "--json");

        var info = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(address, info.GetProperty("address").GetString());
        Assert.True(info.GetProperty("registered").GetBoolean());
        Assert.Equal(1, info.GetProperty("registeredAt").GetInt64());
    }

    [Fact]
    public async Task Register_Twice_IsIdempotent()
    {
        await cli.CreateParticipantAsync("me", "patient");

        var run = await cli.RunOkAsync("register", "--key", cli.KeyFile("me"));

        Assert.Contains("already registered", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => cli.Dispose();
}
