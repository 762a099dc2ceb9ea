using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;

namespace MedBlocks.Ledger.Tests;

/// <summary>
/// Forwards to another ledger but leaves out every query with a default implementation, so tests can check
/// those defaults (which read the log) against the indexed answers.
/// </summary>
internal sealed class LogScanningLedger(ILedger inner) : ILedger
{
    public Task<LedgerEntry> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken = default) => inner.AppendAsync(entry, cancellationToken);

    public Task<LedgerEntry> AppendAsync(IEntrySigner signer, ILedgerBody body, CancellationToken cancellationToken = default) => inner.AppendAsync(signer, body, cancellationToken);

    public Task<LedgerHead> GetHeadAsync(CancellationToken cancellationToken = default) => inner.GetHeadAsync(cancellationToken);

    public Task<DeclaredParticipant?> GetParticipantAsync(string address, CancellationToken cancellationToken = default) => inner.GetParticipantAsync(address, cancellationToken);

    public Task<IReadOnlyList<MedBlockView>> GetPatientMedBlocksAsync(string patient, CancellationToken cancellationToken = default) => inner.GetPatientMedBlocksAsync(patient, cancellationToken);

    public Task<MedBlockView?> GetMedBlockAsync(string hash, CancellationToken cancellationToken = default) => inner.GetMedBlockAsync(hash, cancellationToken);

    public IAsyncEnumerable<LedgerEntry> ReadSinceAsync(long position, CancellationToken cancellationToken = default) => inner.ReadSinceAsync(position, cancellationToken);

    public Task<LedgerVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default) => inner.VerifyAsync(progress, cancellationToken);
}
