namespace MedBlocks.Pcsc.Hosting;

/// <summary>A reader the worker is configured to use became available.</summary>
public sealed record ReaderAttached(string ReaderName, DateTimeOffset Timestamp) : CardEvent(ReaderName, Timestamp);
