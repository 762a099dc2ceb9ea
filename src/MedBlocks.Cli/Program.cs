using MedBlocks.Cli.Hosting;
using MedBlocks.Core.Secrets;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var application = new CliApplication(
    CliConsole.FromSystem(), Environment.GetEnvironmentVariable, TimeProvider.System, Argon2Parameters.KeyFileDefault);
return await application.RunAsync(args, cancellation.Token);
