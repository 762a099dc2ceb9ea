using System.CommandLine;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Cli.Commands;
using MedBlocks.Simulator.Cli.Hosting;

namespace MedBlocks.Simulator.Cli;

/// <summary>Builds the <c>medblocks-sim</c> command tree (new, insert, remove, info) and runs one invocation.</summary>
internal sealed class SimulatorCliApplication(TextWriter output, TextWriter error, Func<string, string?> environment)
{
    public const int Success = 0;
    public const int Failure = 1;

    public TextWriter Output => output;

    public TextWriter Error => error;

    public SlotDirectory Slots => SlotDirectory.Resolve(environment);

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("medblocks-sim: virtual MIFARE DESFire EV1 cards for a vpcd reader slot of pcscd.");
        root.Subcommands.Add(NewCardCommand.Build(this));
        root.Subcommands.Add(InsertCommand.Build(this));
        root.Subcommands.Add(RemoveCommand.Build(this));
        root.Subcommands.Add(InfoCommand.Build(this));

        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,

            // insert runs a host whose console lifetime handles Ctrl+C and SIGTERM itself.
            ProcessTerminationTimeout = null,
        };

        try
        {
            return await root.Parse(args).InvokeAsync(configuration, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CardImageFormatException or ArgumentException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return Failure;
        }
    }
}
