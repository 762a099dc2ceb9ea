using MedBlocks.Core.Ledger;
using MedBlocks.Core.Participants;

namespace MedBlocks.Kiosk.Tests.Emergency;

/// <summary>
/// The station's real ledger behind a gate: a patient's MedBlocks query waits until <see cref="Open"/>,
/// or fails as an unreachable shared ledger does while <see cref="Unreachable"/> is set.
/// </summary>
internal sealed class GatedLedger(ILedger inner) : ILedger
{
    private TaskCompletionSource gate = Opened();

    public bool Unreachable { get; set; }

    public void Close() => gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => gate.TrySetResult();

    public async Task<IReadOnlyList<MedBlockView>> GetPatientMedBlocksAsync(string patient, CancellationToken cancellationToken = default)
    {
        await gate.Task.WaitAsync(cancellationToken);
        return Unreachable
            ? throw new LedgerException("The ledger node cannot be reached (test).")
            : await inner.GetPatientMedBlocksAsync(patient, cancellationToken);
    }

    public Task<LedgerEntry> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken = default) => inner.AppendAsync(entry, cancellationToken);

    public Task<LedgerEntry> AppendAsync(IEntrySigner signer, ILedgerBody body, CancellationToken cancellationToken = default) => inner.AppendAsync(signer, body, cancellationToken);

    public Task<LedgerHead> GetHeadAsync(CancellationToken cancellationToken = default) => inner.GetHeadAsync(cancellationToken);

    public Task<DeclaredParticipant?> GetParticipantAsync(string address, CancellationToken cancellationToken = default) => inner.GetParticipantAsync(address, cancellationToken);

    public Task<MedBlockView?> GetMedBlockAsync(string hash, CancellationToken cancellationToken = default) => inner.GetMedBlockAsync(hash, cancellationToken);

    public IAsyncEnumerable<LedgerEntry> ReadSinceAsync(long position, CancellationToken cancellationToken = default) => inner.ReadSinceAsync(position, cancellationToken);

    public Task<LedgerVerification> VerifyAsync(IProgress<long>? progress = null, CancellationToken cancellationToken = default) => inner.VerifyAsync(progress, cancellationToken);

    private static TaskCompletionSource Opened()
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        opened.SetResult();
        return opened;
    }
}
