namespace MedBlocks.Cli.Hosting;

/// <summary>
/// Where a key file's passphrase comes from: <c>--passphrase-file</c>, else the
/// <c>MEDBLOCKS_PASSPHRASE</c> variable (for scripts), else the terminal without echo.
/// </summary>
internal sealed class PassphraseSource
{
    public const string Variable = "MEDBLOCKS_PASSPHRASE";
    private const int MinimumLength = 8;

    private readonly CliConsole console;
    private readonly Func<string, string?> environment;
    private readonly string? passphraseFile;

    public PassphraseSource(CliConsole console, Func<string, string?> environment, string? passphraseFile)
    {
        this.console = console;
        this.environment = environment;
        this.passphraseFile = passphraseFile;
    }

    /// <summary>The passphrase that opens an existing key file.</summary>
    public string ForUnlock() => Read("Passphrase: ", confirm: false);

    /// <summary>A new passphrase for a key file being written; asked twice at a terminal.</summary>
    public string ForNewKeyFile()
    {
        var passphrase = Read("New passphrase: ", confirm: true);
        if (passphrase.Length < MinimumLength)
        {
            throw new CliException($"The passphrase must have at least {MinimumLength} characters.", ExitCodes.Usage);
        }

        return passphrase;
    }

    private string Read(string prompt, bool confirm)
    {
        if (!string.IsNullOrEmpty(passphraseFile))
        {
            if (!File.Exists(passphraseFile))
            {
                throw new CliException($"The passphrase file {passphraseFile} does not exist.", ExitCodes.NotFound);
            }

            using var reader = new StreamReader(passphraseFile);
            return reader.ReadLine() ?? throw new CliException($"The passphrase file {passphraseFile} is empty.", ExitCodes.Usage);
        }

        var fromEnvironment = environment(Variable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var typed = console.ReadSecret(prompt)
            ?? throw new CliException($"No passphrase given: type it at a terminal, or use --passphrase-file or {Variable}.", ExitCodes.Usage);
        if (confirm && console.IsInteractive)
        {
            var again = console.ReadSecret("Repeat passphrase: ");
            if (!string.Equals(typed, again, StringComparison.Ordinal))
            {
                throw new CliException("The two passphrases differ.", ExitCodes.Usage);
            }
        }

        return typed;
    }
}
