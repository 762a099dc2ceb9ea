namespace MedBlocks.Cli.Hosting;

/// <summary>
/// Card PINs and backup passphrases for the <c>card</c> commands: from <c>MEDBLOCKS_CARD_PIN</c> /
/// <c>MEDBLOCKS_BACKUP_PASSPHRASE</c> (for scripts), else the terminal without echo (a new PIN is asked twice).
/// </summary>
internal sealed class CardPinSource(CliConsole console, Func<string, string?> environment)
{
    public const string PinVariable = "MEDBLOCKS_CARD_PIN";
    public const string NewPinVariable = "MEDBLOCKS_CARD_NEW_PIN";
    public const string BackupVariable = "MEDBLOCKS_BACKUP_PASSPHRASE";
    private const int MinimumBackupLength = 8;

    /// <summary>The PIN of the card in the field.</summary>
    public string ForUnlock() => Read(PinVariable, "Card PIN: ", confirm: false);

    /// <summary>A new card PIN: 4 to 12 digits.</summary>
    public string ForNewCard()
    {
        var pin = Read(NewPinVariable, "New card PIN: ", confirm: true);
        if (pin.Length is < 4 or > 12 || !pin.All(char.IsAsciiDigit))
        {
            throw new CliException("A card PIN is 4 to 12 digits.", ExitCodes.Usage);
        }

        return pin;
    }

    /// <summary>The passphrase of the patient's backup key file (new or existing).</summary>
    public string ForBackup(bool isNew)
    {
        var passphrase = Read(BackupVariable, isNew ? "New backup key file passphrase: " : "Backup key file passphrase: ", confirm: isNew);
        if (isNew && passphrase.Length < MinimumBackupLength)
        {
            throw new CliException($"The backup passphrase must have at least {MinimumBackupLength} characters.", ExitCodes.Usage);
        }

        return passphrase;
    }

    private string Read(string variable, string prompt, bool confirm)
    {
        var fromEnvironment = environment(variable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var typed = console.ReadSecret(prompt)
            ?? throw new CliException($"Nothing given for \"{prompt.TrimEnd(' ', ':')}\": type it at a terminal, or set {variable}.", ExitCodes.Usage);
        if (confirm && console.IsInteractive && !string.Equals(typed, console.ReadSecret("Repeat: "), StringComparison.Ordinal))
        {
            throw new CliException("The two entries differ.", ExitCodes.Usage);
        }

        return typed;
    }
}
