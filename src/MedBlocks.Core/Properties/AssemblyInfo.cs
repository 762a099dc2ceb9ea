using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MedBlocks.Core.Tests")]
[assembly: InternalsVisibleTo("MedBlocks.Benchmarks")]
