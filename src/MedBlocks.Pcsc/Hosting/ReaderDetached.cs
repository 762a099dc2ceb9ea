namespace MedBlocks.Pcsc.Hosting;

/// <summary>A reader went away (unplugged, or the PC/SC service stopped).</summary>
public sealed record ReaderDetached(string ReaderName, DateTimeOffset Timestamp) : CardEvent(ReaderName, Timestamp);
