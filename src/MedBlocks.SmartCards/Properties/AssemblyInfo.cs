using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MedBlocks.SmartCards.Tests")]
[assembly: InternalsVisibleTo("MedBlocks.Benchmarks")]
