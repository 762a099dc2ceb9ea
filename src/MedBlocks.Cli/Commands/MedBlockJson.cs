using MedBlocks.Core.Ledger;

namespace MedBlocks.Cli.Commands;

/// <summary>The JSON shape of a MedBlock in command output: everything public, no wrapped keys.</summary>
internal sealed record MedBlockJson(
    string Hash,
    long Position,
    string Cid,
    string Patient,
    string ContentType,
    string Author,
    DateTimeOffset Time,
    bool Emergency,
    bool Legacy,
    bool Refused,
    DateTimeOffset? RefusedAt,
    IReadOnlyList<string> Readers)
{
    public static MedBlockJson From(MedBlockView view) => new(
        view.Hash,
        view.Position,
        view.Cid,
        view.Patient,
        view.ContentType,
        view.Author,
        view.Time,
        view.Emergency,
        view.Legacy,
        view.Refused,
        view.RefusedAt,
        view.Keys.Keys.Order(StringComparer.Ordinal).ToList());
}
