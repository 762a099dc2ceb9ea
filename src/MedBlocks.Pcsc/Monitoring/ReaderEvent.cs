namespace MedBlocks.Pcsc.Monitoring;

/// <summary>A reader or card change seen by <see cref="ReaderMonitor"/>; <see cref="Atr"/> is set for card insertions.</summary>
public sealed record ReaderEvent(ReaderEventKind Kind, string ReaderName, ReadOnlyMemory<byte> Atr, DateTimeOffset Timestamp);
