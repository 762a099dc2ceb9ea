using MedBlocks.Core.Ledger;

namespace MedBlocks.Core.Sharing;

/// <summary>What a successful read established about the record it wrote out.</summary>
/// <param name="MedBlock">The MedBlock as the ledger holds it.</param>
/// <param name="PlaintextLength">Bytes written to the output.</param>
/// <param name="AuthorSignatureValid">The author's record signature verified (always false for legacy records, which have none).</param>
/// <param name="EmergencyAccessEntry">The audit entry appended before an emergency read, if one was.</param>
public sealed record RecordReadResult(MedBlockView MedBlock, long PlaintextLength, bool AuthorSignatureValid, LedgerEntry? EmergencyAccessEntry);
