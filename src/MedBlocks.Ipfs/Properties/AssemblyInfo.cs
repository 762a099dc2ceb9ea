using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MedBlocks.Ipfs.Tests")]
[assembly: InternalsVisibleTo("MedBlocks.Benchmarks")]
