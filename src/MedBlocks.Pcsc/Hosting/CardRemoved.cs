namespace MedBlocks.Pcsc.Hosting;

/// <summary>The card announced by the last <see cref="CardPresent"/> for this reader has left.</summary>
public sealed record CardRemoved(string ReaderName, DateTimeOffset Timestamp) : CardEvent(ReaderName, Timestamp);
