namespace MedBlocks.Simulator.Cli.Hosting;

/// <summary>Which card image goes into which vpcd slot.</summary>
internal sealed record InsertedCardOptions(string ImagePath, int Slot, int BasePort);
