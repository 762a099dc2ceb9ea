using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MedBlocks.Simulator.Tests")]
[assembly: InternalsVisibleTo("MedBlocks.Benchmarks")]
