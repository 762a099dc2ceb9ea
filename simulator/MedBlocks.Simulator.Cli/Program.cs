using MedBlocks.Simulator.Cli;

var application = new SimulatorCliApplication(Console.Out, Console.Error, Environment.GetEnvironmentVariable);
return await application.RunAsync(args);
