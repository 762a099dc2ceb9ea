namespace MedBlocks.Pcsc.Monitoring;

/// <summary>What the monitor last reported for one reader.</summary>
internal sealed class TrackedReader(string name)
{
    public PcscReaderState State { get; } = new(name);

    public bool CardPresent { get; set; }

    public ReadOnlyMemory<byte> Atr { get; set; } = ReadOnlyMemory<byte>.Empty;
}
