using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;
using MedBlocks.Core.Records;
using MedBlocks.Core.Secrets;
using MedBlocks.Core.Sharing;
using MedBlocks.Ipfs.Store;
using MedBlocks.Ledger;

namespace MedBlocks.Cli.Hosting;

/// <summary>
/// What one command invocation works with: the workspace, the console, and (opened on first use)
/// the ledger, the record store and the participant's key file.
/// </summary>
internal sealed class CliSession : IAsyncDisposable
{
    private readonly Func<string, string?> environment;
    private readonly string? keyFileOption;
    private readonly string? passphraseFile;
    private SqliteLedger? ledger;
    private EmbeddedRecordStore? store;
    private RecordStoreSelection? selection;

    public CliSession(
        CliWorkspace workspace,
        CliConsole console,
        Func<string, string?> environment,
        string? keyFileOption,
        string? passphraseFile,
        TimeProvider timeProvider,
        Argon2Parameters keyFileKdf)
    {
        Workspace = workspace;
        Console = console;
        this.environment = environment;
        this.keyFileOption = keyFileOption;
        this.passphraseFile = passphraseFile;
        TimeProvider = timeProvider;
        KeyFileKdf = keyFileKdf;
    }

    public CliWorkspace Workspace { get; }

    public CliConsole Console { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Argon2id cost for key files written by this invocation.</summary>
    public Argon2Parameters KeyFileKdf { get; }

    public string KeyFilePath => string.IsNullOrEmpty(keyFileOption) ? Workspace.DefaultKeyFilePath : Path.GetFullPath(keyFileOption);

    public PassphraseSource Passphrases => new(Console, environment, passphraseFile);

    /// <summary>Card PINs and backup passphrases of the <c>card</c> commands.</summary>
    public CardPinSource CardPins => new(Console, environment);

    public ILedger Ledger
    {
        get
        {
            if (ledger is null)
            {
                Workspace.EnsureCreated();
                ledger = new SqliteLedger(new SqliteLedgerOptions { Path = Workspace.LedgerPath }, TimeProvider);
            }

            return ledger;
        }
    }

    /// <summary>The record store the workflow uses: the embedded one, or an IPFS node when selected (see <see cref="RecordStoreSelection"/>).</summary>
    public IRecordStore Store => StoreSelection.UsesIpfs ? StoreSelection.CreateIpfsStore() : EmbeddedStore;

    public RecordStoreSelection StoreSelection => selection ??= RecordStoreSelection.FromEnvironment(environment);

    public EmbeddedRecordStore EmbeddedStore
    {
        get
        {
            if (store is null)
            {
                Workspace.EnsureCreated();
                store = new EmbeddedRecordStore(new EmbeddedRecordStoreOptions { RootPath = Workspace.StorePath });
            }

            return store;
        }
    }

    public CliSettings LoadSettings() => CliSettings.Load(Workspace.SettingsPath);

    public MedBlockService CreateMedBlockService() =>
        new(Ledger, Store, new EmergencyServiceKeys(LoadSettings().EmergencyKeys), TimeProvider);

    /// <summary>Opens the participant's key file with its passphrase.</summary>
    public Participant OpenParticipant()
    {
        var path = KeyFilePath;
        if (!File.Exists(path))
        {
            throw new CliException(
                $"No key file at {path}. Create one with 'medblocks participant create --role patient' or name one with --key.",
                ExitCodes.NotFound);
        }

        var json = File.ReadAllText(path);
        var passphrase = Passphrases.ForUnlock();
        return ParticipantKeyFile.Open(json, passphrase);
    }

    /// <summary>Refuses to go on (before any key is made or passphrase asked) when a key file would be replaced unasked.</summary>
    public static void RequireKeyFileWritable(string path, bool overwrite)
    {
        if (File.Exists(path) && !overwrite)
        {
            throw new CliException($"A key file already exists at {path}; use --force to replace it (the old keys are then lost).", ExitCodes.Usage);
        }
    }

    /// <summary>Writes a key file with owner-only permissions; an existing one is replaced only when asked.</summary>
    public static void WriteKeyFile(string path, string json, bool overwrite)
    {
        RequireKeyFileWritable(path, overwrite);
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(json);
        }

        File.Move(temporary, path, overwrite);
    }

    public ValueTask DisposeAsync()
    {
        ledger?.Dispose();
        return selection?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
