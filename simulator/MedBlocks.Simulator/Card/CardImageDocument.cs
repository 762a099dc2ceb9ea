namespace MedBlocks.Simulator.Card;

/// <summary>The JSON document of a card image (format version 1).</summary>
internal sealed record CardImageDocument
{
    public required string Format { get; init; }

    public required int Version { get; init; }

    /// <summary>EEPROM size in bytes: 2048, 4096 or 8192.</summary>
    public required int Storage { get; init; }

    public required string Uid { get; init; }

    public required string Batch { get; init; }

    public required byte ProductionWeek { get; init; }

    public required byte ProductionYear { get; init; }

    public required CardImageKeyDocument PiccKey { get; init; }

    public required byte PiccKeySettings { get; init; }

    public bool FormatDisabled { get; init; }

    public bool RandomUid { get; init; }

    public required string DefaultKey { get; init; }

    public byte DefaultKeyVersion { get; init; }

    public required string Ats { get; init; }

    public required int UsedBytes { get; init; }

    public required IReadOnlyList<CardImageApplicationDocument> Applications { get; init; }
}
