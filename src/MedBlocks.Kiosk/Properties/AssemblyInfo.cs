using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MedBlocks.Kiosk.Tests")]
