namespace MedBlocks.Kiosk.Simulation;

/// <summary>A simulated card of the demo set; <see cref="Label"/> is what the simulator panel shows.</summary>
public sealed record DemoCard(string Id, string Label, string ImagePath);
