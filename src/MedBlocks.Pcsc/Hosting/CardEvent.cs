namespace MedBlocks.Pcsc.Hosting;

/// <summary>What <see cref="CardWorker"/> tells the rest of the application about readers and cards.</summary>
public abstract record CardEvent(string ReaderName, DateTimeOffset Timestamp);
