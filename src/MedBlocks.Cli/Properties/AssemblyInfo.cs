using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MedBlocks.Cli.Tests")]
[assembly: InternalsVisibleTo("MedBlocks.Benchmarks")]
