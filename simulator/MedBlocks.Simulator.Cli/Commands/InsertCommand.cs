using System.CommandLine;
using MedBlocks.Simulator.Card;
using MedBlocks.Simulator.Cli.Hosting;
using MedBlocks.Simulator.Vpcd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MedBlocks.Simulator.Cli.Commands;

/// <summary>
/// <c>insert CARD_IMAGE --slot N [--port BASE]</c>: the card stays in vpcd slot N (127.0.0.1, port
/// BASE + N) until Ctrl+C, SIGTERM or <c>remove --slot N</c>; its committed state is then saved back.
/// </summary>
internal static class InsertCommand
{
    public static Command Build(SimulatorCliApplication application)
    {
        var image = new Argument<string>("CARD_IMAGE") { Description = "The card image (from 'medblocks-sim new')." };
        var slot = new Option<int>("--slot") { Description = "vpcd slot: 0 is 'Virtual PCD 00 00'.", DefaultValueFactory = _ => 0 };
        var port = new Option<int>("--port") { Description = "vpcd port of slot 0.", DefaultValueFactory = _ => VpcdCardBridge.DefaultBasePort };
        var command = new Command("insert", "Put a card image into a vpcd reader slot until Ctrl+C or 'remove'; saves it back afterwards.") { image, slot, port };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = Path.GetFullPath(parseResult.GetValue(image)!);
            var slotNumber = parseResult.GetValue(slot);
            var basePort = parseResult.GetValue(port);
            if (slotNumber is < 0 or > 15)
            {
                throw new ArgumentException($"Slot {slotNumber} is outside 0..15.");
            }

            if (basePort is < 1 || basePort + slotNumber > 65535)
            {
                throw new ArgumentException($"Port {basePort} + slot {slotNumber} is not a TCP port.");
            }

            // Fail on a bad image or a taken slot before anything is started.
            _ = CardImage.Load(path);
            var slots = application.Slots;
            slots.Claim(slotNumber);

            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddSingleton(new InsertedCardOptions(path, slotNumber, basePort));
            builder.Services.AddSingleton(slots);
            builder.Services.AddHostedService<InsertedCardService>();
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
            try
            {
                using var host = builder.Build();
                await host.RunAsync(cancellationToken);
            }
            finally
            {
                slots.Release(slotNumber);
            }

            return Environment.ExitCode;
        });
        return command;
    }
}
