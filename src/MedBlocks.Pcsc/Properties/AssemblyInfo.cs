using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MedBlocks.Pcsc.Tests")]
[assembly: InternalsVisibleTo("MedBlocks.Benchmarks")]
