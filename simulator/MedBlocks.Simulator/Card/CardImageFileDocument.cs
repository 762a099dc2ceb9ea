namespace MedBlocks.Simulator.Card;

/// <summary>A file in a card image with its committed content.</summary>
internal sealed record CardImageFileDocument
{
    public required byte FileNumber { get; init; }

    /// <summary>"standard", "backup", "linearRecord" or "cyclicRecord".</summary>
    public required string Type { get; init; }

    public required byte Communication { get; init; }

    /// <summary>The access rights value as 4 hex digits (Read Write RW Change).</summary>
    public required string AccessRights { get; init; }

    public ushort? IsoFileId { get; init; }

    public int? Size { get; init; }

    public string? Data { get; init; }

    public int? RecordSize { get; init; }

    public int? MaxRecords { get; init; }

    /// <summary>Committed records, oldest first, hex.</summary>
    public IReadOnlyList<string>? Records { get; init; }
}
