using System.CommandLine;

namespace MedBlocks.Cli.Hosting;

/// <summary>Options every command accepts.</summary>
internal sealed class CliOptions
{
    public Option<string?> Home { get; } = new("--home")
    {
        Description = "Station data folder (ledger, record store, settings). Default: $MEDBLOCKS_HOME or ~/.medblocks.",
        Recursive = true,
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "The participant's encrypted key file. Default: participant.key.json in the home folder.",
        Recursive = true,
    };

    public Option<string?> PassphraseFile { get; } = new("--passphrase-file")
    {
        Description = "Read the key file's passphrase from the first line of this file (else $MEDBLOCKS_PASSPHRASE, else the terminal).",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print machine-readable JSON.",
        Recursive = true,
    };
}
