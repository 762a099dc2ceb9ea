using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MedBlocks.Simulator.Cli.Tests")]
