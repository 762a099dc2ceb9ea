using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MedBlocks.Simulator.Cli.Commands;

/// <summary><c>remove --slot N</c>: asks the <c>insert</c> holding slot N to take its card out (SIGTERM) and waits.</summary>
internal static class RemoveCommand
{
    private const int SigTerm = 15;

    public static Command Build(SimulatorCliApplication application)
    {
        var slot = new Option<int>("--slot") { Description = "vpcd slot the card is in.", DefaultValueFactory = _ => 0 };
        var command = new Command("remove", "Take the card out of a slot (the inserting process saves its image and ends).") { slot };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var slotNumber = parseResult.GetValue(slot);
            var slots = application.Slots;
            if (slots.ReadOwner(slotNumber) is not { } pid)
            {
                await application.Error.WriteLineAsync($"error: no card in slot {slotNumber}.".AsMemory(), cancellationToken);
                return SimulatorCliApplication.Failure;
            }

            if (Kill(pid, SigTerm) != 0)
            {
                throw new InvalidOperationException($"Could not signal medblocks-sim pid {pid} (errno {Marshal.GetLastPInvokeError()}).");
            }

            var waited = Stopwatch.StartNew();
            while (slots.ReadOwner(slotNumber) is not null)
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(10))
                {
                    throw new InvalidOperationException($"medblocks-sim pid {pid} did not release slot {slotNumber} within 10 s.");
                }

                await Task.Delay(20, cancellationToken);
            }

            await application.Output.WriteLineAsync($"slot {slotNumber}: card removed".AsMemory(), cancellationToken);
            return SimulatorCliApplication.Success;
        });
        return command;
    }

    [DllImport("libc", EntryPoint = "kill", ExactSpelling = true, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
