namespace MedBlocks.Core.Ledger;

/// <summary>
/// A MedBlock as a reader sees it: the declaration plus everything later entries changed.
/// <see cref="Keys"/> is the effective key map, the declaration's keys united with every grant.
/// </summary>
public sealed record MedBlockView(
    string Hash,
    long Position,
    string Cid,
    string Patient,
    string ContentType,
    string Author,
    DateTimeOffset Time,
    bool Emergency,
    bool Legacy,
    string CiphertextHash,
    string? RecordSig,
    IReadOnlyDictionary<string, string> Keys,
    bool Refused,
    DateTimeOffset? RefusedAt);
