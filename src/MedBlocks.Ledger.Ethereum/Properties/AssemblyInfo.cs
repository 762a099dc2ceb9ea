using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MedBlocks.Ledger.Tests")]
[assembly: InternalsVisibleTo("MedBlocks.Benchmarks")]
