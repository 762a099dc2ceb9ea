namespace MedBlocks.Simulator.Card;

/// <summary>An application in a card image.</summary>
internal sealed record CardImageApplicationDocument
{
    /// <summary>The AID value as 6 hex digits, most significant first (wire order is reversed).</summary>
    public required string Aid { get; init; }

    public required byte KeySettings { get; init; }

    public required IReadOnlyList<CardImageKeyDocument> Keys { get; init; }

    public bool IsoFileIds { get; init; }

    public ushort? IsoFileId { get; init; }

    public string? DfName { get; init; }

    public required IReadOnlyList<CardImageFileDocument> Files { get; init; }
}
