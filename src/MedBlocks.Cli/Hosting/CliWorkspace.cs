namespace MedBlocks.Cli.Hosting;

/// <summary>
/// Where one station's data lives: the ledger file, the record store and the default key file.
/// Chosen by <c>--home</c>, else <c>MEDBLOCKS_HOME</c>, else <c>~/.medblocks</c>.
/// </summary>
internal sealed class CliWorkspace
{
    public const string HomeVariable = "MEDBLOCKS_HOME";

    public CliWorkspace(string home)
    {
        Home = Path.GetFullPath(home);
    }

    public string Home { get; }

    public string LedgerPath => Path.Combine(Home, "ledger.db");

    public string StorePath => Path.Combine(Home, "store");

    public string DefaultKeyFilePath => Path.Combine(Home, "participant.key.json");

    public string SettingsPath => Path.Combine(Home, "settings.json");

    /// <summary>Wrong card PIN counts per card serial, kept across runs (<see cref="MedBlocks.SmartCards.Profile.PinAttemptFile"/>).</summary>
    public string PinAttemptsPath => Path.Combine(Home, "pin-attempts.json");

    public static CliWorkspace Resolve(string? homeOption, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var home = homeOption;
        if (string.IsNullOrWhiteSpace(home))
        {
            home = environment(HomeVariable);
        }

        if (string.IsNullOrWhiteSpace(home))
        {
            home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".medblocks");
        }

        return new CliWorkspace(home);
    }

    public void EnsureCreated()
    {
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(StorePath);
    }
}
