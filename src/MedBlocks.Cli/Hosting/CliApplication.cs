using System.CommandLine;
using MedBlocks.Cli.Commands;
using MedBlocks.Core.Secrets;

namespace MedBlocks.Cli.Hosting;

/// <summary>Builds the <c>medblocks</c> command tree and runs one invocation.</summary>
internal sealed class CliApplication
{
    private readonly CliConsole console;
    private readonly Func<string, string?> environment;
    private readonly TimeProvider timeProvider;
    private readonly Argon2Parameters keyFileKdf;

    public CliApplication(CliConsole console, Func<string, string?> environment, TimeProvider timeProvider, Argon2Parameters keyFileKdf)
    {
        this.console = console;
        this.environment = environment;
        this.timeProvider = timeProvider;
        this.keyFileKdf = keyFileKdf;
    }

    public CliOptions Options { get; } = new();

    public CliConsole Console => console;

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot();
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var (message, exitCode) = CliErrors.Describe(e);
            await console.Error.WriteLineAsync($"error: {message}");
            return exitCode;
        }
    }

    /// <summary>Wraps a command's work: opens the session, and closes it whatever happens.</summary>
    public void SetAction(Command command, Func<ParseResult, CliSession, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var workspace = CliWorkspace.Resolve(parseResult.GetValue(Options.Home), environment);
            await using var session = new CliSession(
                workspace,
                console,
                environment,
                parseResult.GetValue(Options.Key),
                parseResult.GetValue(Options.PassphraseFile),
                timeProvider,
                keyFileKdf);
            return await action(parseResult, session, cancellationToken);
        });
    }

    private RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "MedBlocks: encrypted medical records on a content-addressed store, with a signed, append-only ledger of who may read them.");
        root.Options.Add(Options.Home);
        root.Options.Add(Options.Key);
        root.Options.Add(Options.PassphraseFile);
        root.Options.Add(Options.Json);

        root.Subcommands.Add(ParticipantCommands.Build(this));
        root.Subcommands.Add(RegisterCommand.Build(this));
        root.Subcommands.Add(InfoCommand.Build(this));
        foreach (var command in RecordCommands.Build(this))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(EmergencyCommands.Build(this));
        root.Subcommands.Add(LedgerCommands.Build(this));
        root.Subcommands.Add(StoreCommands.Build(this));
        root.Subcommands.Add(CardCommands.Build(this));

        // A bare 'medblocks' (as on a fresh install) shows help and succeeds.
        root.SetAction(parseResult =>
        {
            var help = new System.CommandLine.Help.HelpAction();
            return help.Invoke(parseResult);
        });
        return root;
    }
}
